using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// The SQL of a Redshift ledger load (sql/redshift/ledger/), rendered for one staging table: {table}, its per-load temp
/// table {load_table} (load_TABLE) and {columns} (the COPY columns, <see cref="StagingColumns"/>). Other values are
/// parameters. The names of tables are checked plain names, never input.
/// </summary>
public static partial class LedgerSql
{
    public const string Folder = "redshift/ledger/";

    /// The per-load temp table of a staging table.
    public static string LoadTable(string table) => "load_" + table;

    public static string Render(SqlFiles sql, string file, string table)
    {
        var values = new Dictionary<string, string>
        {
            ["table"] = table,
            ["load_table"] = LoadTable(table),
            ["columns"] = string.Join(", ", StagingColumns.Of(sql, table) ?? throw new PipelineException($"{table} has no sql/redshift/create_{table}.sql")),
        };
        return Placeholder().Replace(Body(sql.Read(Folder + file)), m => values[m.Groups[1].Value]);
    }

    /// The multi-row insert of load_objects for this many rows: "(@k0, @c0, …), (@k1, …)", parameters named by column and row.
    public static string InsertLoadObjects(SqlFiles sql, int rows) =>
        Body(sql.Read(Folder + "insert_load_objects.sql")).Replace("{rows}", string.Join(",\n    ",
            Enumerable.Range(0, rows).Select(i => "(" + string.Join(", ", LoadObjectColumns.Select(c => $"@{c}_{i}")) + ")")));

    /// The columns of load_objects, in the order of create_load_objects.sql and insert_load_objects.sql.
    public static readonly string[] LoadObjectColumns =
    [
        "object_key", "change", "object_id", "load_group", "content_id", "size_bytes", "rows_loaded", "rejected", "day_from", "day_to",
        "old_object_id", "change_day_from", "change_day_to",
    ];

    /// Runs one statement with named parameters; a null is sent typed (date, bigint or varchar by its column), never as 'unknown'.
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string text, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, text, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, string text, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.Add(value is null ? new NpgsqlParameter(name, NullType(name)) { Value = DBNull.Value } : new NpgsqlParameter(name, value));
        return command;
    }

    static NpgsqlTypes.NpgsqlDbType NullType(string name)
    {
        var column = RowSuffix().Replace(name, "");
        return column.EndsWith("day_from", StringComparison.Ordinal) || column.EndsWith("day_to", StringComparison.Ordinal) ? NpgsqlTypes.NpgsqlDbType.Date
            : column is "content_id" or "object_key" or "change" ? NpgsqlTypes.NpgsqlDbType.Varchar
            : NpgsqlTypes.NpgsqlDbType.Bigint;
    }

    static string Body(string file) => string.Join("\n", file.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim();

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"_\d+$")]
    private static partial Regex RowSuffix();
}
