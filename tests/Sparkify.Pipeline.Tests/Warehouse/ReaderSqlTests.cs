using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Warehouse;

/// The read-only user's DDL and grants, pinned statement by statement (Redshift cannot run in a test; its SQL is exact here).
public class ReaderSqlTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    const string Password = "Gen3rated-Passw0rd";

    static string Body(string statement) =>
        string.Join("\n", statement.Split('\n').Where(l => !l.TrimStart().StartsWith("--")).Select(l => l.Trim()).Where(l => l.Length > 0));

    [Test]
    public void Redshift_first_run_creates_the_user_revokes_public_create_and_grants_select_on_the_warehouse_tables()
    {
        var statements = WarehouseRoles.ReaderStatements(Sql, Dialect.Redshift, exists: false, Password).Select(Body);

        Assert.That(statements, Is.EqualTo(new[]
        {
            $"create user sparkify_reader password '{Password}' nocreatedb nocreateuser syslog access restricted",
            "revoke create on schema public from public",
            "grant usage on schema public to sparkify_reader",
            "grant select on table staging_events, staging_songs, users, artists, songs, time, songplays, etl_runs, staging_scope, load_ledger, staging_changes, warehouse_source to sparkify_reader",
        }));
    }

    [Test]
    public void Redshift_rerun_alters_the_existing_user_to_the_same_attributes_and_repeats_the_grants()
    {
        var statements = WarehouseRoles.ReaderStatements(Sql, Dialect.Redshift, exists: true, Password).Select(Body).ToList();

        Assert.That(statements[0], Is.EqualTo($"alter user sparkify_reader password '{Password}' nocreatedb nocreateuser syslog access restricted"));
        Assert.That(statements.Skip(1), Is.EqualTo(WarehouseRoles.ReaderStatements(Sql, Dialect.Redshift, exists: false, Password).Skip(1).Select(Body)));
        Assert.That(Body(Sql.Read("redshift/roles/reader_exists.sql")), Is.EqualTo("select 1 from pg_user where usename = 'sparkify_reader'"));
    }

    [TestCase(Dialect.Redshift)]
    [TestCase(Dialect.Postgres)]
    public void The_select_grant_names_exactly_the_tables_CreateTables_makes(Dialect dialect)
    {
        var grant = Body(WarehouseRoles.ReaderGrants(Sql, dialect).Last());
        var tables = grant["grant select on table ".Length..grant.IndexOf(" to ", StringComparison.Ordinal)].Split(", ");

        Assert.That(tables, Is.EqualTo(Tables.CreatedFor(dialect)));
    }

    [TestCase("it's")]
    [TestCase("back\\slash1A")]
    public void A_password_that_could_end_the_sql_literal_is_refused_not_escaped(string password)
    {
        var e = Assert.Throws<PipelineException>(() => WarehouseRoles.ReaderStatements(Sql, Dialect.Redshift, exists: false, password + "Aa1xxxxx"));

        Assert.That(e!.Message, Does.StartWith("refusing to put password '…' into role SQL"));
    }
}
