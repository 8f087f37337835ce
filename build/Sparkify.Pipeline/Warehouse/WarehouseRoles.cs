using System.Text.RegularExpressions;
using Npgsql;

namespace Sparkify.Pipeline.Warehouse;

/// <summary>
/// The warehouse's roles, from sql/DIALECT/roles/: the owner (the pipeline's own connections; owns the database,
/// not a superuser) and the read-only role Query, Report and Connect use (SELECT on the warehouse tables only).
/// Every step is idempotent: a role that exists is altered to the same attributes and the current password.
/// </summary>
public static partial class WarehouseRoles
{
    /// The read-only role's name on both dialects.
    public const string Reader = "sparkify_reader";

    /// The statements that make the read-only role on this dialect, in order, with the password filled in
    /// (never log them). Redshift: run by the master user. PostgreSQL: the role statements (first two) need a
    /// role that may create roles, the grants (the rest) the table owner.
    public static IReadOnlyList<string> ReaderStatements(SqlFiles sql, Dialect dialect, bool exists, string password)
    {
        var d = SqlFiles.DialectFolder(dialect);
        var role = dialect == Dialect.Redshift
            ? [Fill(sql.Read($"{d}/roles/{(exists ? "alter" : "create")}_reader.sql"), ("password", password))]
            : LoginRoleStatements(sql, Reader, exists, password);
        return [.. role, .. ReaderGrants(sql, dialect)];
    }

    /// The grants the owner gives the read-only role (PostgreSQL) or the master user gives it (Redshift).
    public static IReadOnlyList<string> ReaderGrants(SqlFiles sql, Dialect dialect)
    {
        var d = SqlFiles.DialectFolder(dialect);
        return [sql.Read($"{d}/roles/revoke_public_create.sql"), sql.Read($"{d}/roles/grant_reader_usage.sql"),
                sql.Read($"{d}/roles/grant_reader_select.sql")];
    }

    static IReadOnlyList<string> LoginRoleStatements(SqlFiles sql, string role, bool exists, string password) =>
        [Fill(sql.Read($"postgres/roles/{(exists ? "alter" : "create")}_login_role.sql"), ("role", role), ("password", password)),
         Fill(sql.Read("postgres/roles/reset_login_role.sql"), ("role", role))];

    /// Whether the read-only role (Redshift) or any role (PostgreSQL) exists.
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, SqlFiles sql, Dialect dialect, string role, CancellationToken ct)
    {
        await using var command = dialect == Dialect.Redshift
            ? new NpgsqlCommand(sql.Read("redshift/roles/reader_exists.sql"), connection)
            : new NpgsqlCommand(sql.Read("postgres/roles/role_exists.sql"), connection) { Parameters = { new() { Value = role } } };
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// PostgreSQL, as the bootstrap superuser: a login role that is nothing more, with this password.
    public static async Task EnsureLoginRoleAsync(NpgsqlConnection superuser, SqlFiles sql, string role, string password, CancellationToken ct)
    {
        var exists = await ExistsAsync(superuser, sql, Dialect.Postgres, role, ct);
        foreach (var statement in LoginRoleStatements(sql, role, exists, password)) await Statement.ExecuteAsync(superuser, statement, ct);
    }

    /// PostgreSQL, as the bootstrap superuser: the warehouse database owned by the owner role, closed to PUBLIC.
    public static async Task EnsureOwnedDatabaseAsync(NpgsqlConnection superuser, SqlFiles sql, string database, string owner, CancellationToken ct)
    {
        await using (var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", superuser) { Parameters = { new() { Value = database } } })
            if (await exists.ExecuteScalarAsync(ct) is null)
                await Statement.ExecuteAsync(superuser, Fill(sql.Read("postgres/roles/create_owned_database.sql"), ("database", database), ("owner", owner)), ct);
        await Statement.ExecuteAsync(superuser, Fill(sql.Read("postgres/roles/revoke_database_from_public.sql"), ("database", database)), ct);
        await GrantConnectAsync(superuser, sql, database, owner, ct);
        await Statement.ExecuteAsync(superuser, sql.Read("postgres/roles/revoke_maintenance_databases.sql"), ct);
        // Function privileges belong to each database: the same superuser, connected to the warehouse database.
        await using var inWarehouse = superuser.CloneWith(new NpgsqlConnectionStringBuilder(superuser.ConnectionString) { Database = database }.ToString());
        await inWarehouse.OpenAsync(ct);
        await Statement.ExecuteAsync(inWarehouse, sql.Read("postgres/roles/revoke_large_objects.sql"), ct);
    }

    public static Task GrantConnectAsync(NpgsqlConnection superuser, SqlFiles sql, string database, string role, CancellationToken ct) =>
        Statement.ExecuteAsync(superuser, Fill(sql.Read("postgres/roles/grant_connect.sql"), ("database", database), ("role", role)), ct);

    /// Fills {name} placeholders. Names must be plain identifiers and passwords generated ones (no quote, no backslash):
    /// anything else is refused rather than escaped, because DDL takes no bind parameters.
    public static string Fill(string sql, params (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            var ok = name == "password" ? value.Length >= 8 && !value.Any(c => c is '\'' or '\\' or '\n' or '\r') : Identifier().IsMatch(value);
            if (!ok) throw new PipelineException($"refusing to put {name} '{(name == "password" ? "…" : value)}' into role SQL: not a plain identifier or generated password");
            sql = sql.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return sql;
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,62}\z")]
    private static partial Regex Identifier();
}
