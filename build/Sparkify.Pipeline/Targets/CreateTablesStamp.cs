using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// CreateTables' up-to-date stamp (etl_stamps, step "CreateTables"; PostgreSQL): the fingerprint of the DDL files it
/// runs, and the schema's marks (sql/postgres/schema_marks.sql: every table's identity, columns, triggers, indexes,
/// the counting function and the database's identity), read in one catalog query. When both equal what its last run
/// recorded the DDL would change nothing and is not sent; a table dropped, a column lost, a trigger disabled behind
/// the pipeline's back changes the marks, and the DDL runs again (docs/reruns.md).
/// </summary>
sealed class CreateTablesStamp(string inputs, IReadOnlyList<string> tables)
{
    const string Step = "CreateTables";

    public static CreateTablesStamp For(SqlFiles sql, IReadOnlyList<string> tables, IEnumerable<string> files) =>
        new(UpToDate.Fingerprint(files.Select(f => $"{f} {sql.Read(f)}").Prepend("tables " + string.Join(",", tables))), tables);

    /// Whether the DDL would change nothing: the schema's marks and the DDL's fingerprint equal the recorded stamp.
    public async Task<bool> CurrentAsync(NpgsqlConnection connection, SqlFiles sql, CancellationToken ct)
    {
        var (marks, stampsExist) = await MarksAsync(connection, sql, ct);
        return stampsExist && await UpToDate.RecordedAsync(connection, sql, Step, ct) is { } row && row.Inputs == inputs && row.Marks == marks;
    }

    /// Records the stamp in CreateTables' own transaction, after its DDL: the stamp and the schema commit together.
    public async Task RecordAsync(NpgsqlConnection connection, SqlFiles sql, string runId, CreateTablesResult result, CancellationToken ct)
    {
        var (marks, stampsExist) = await MarksAsync(connection, sql, ct);
        if (!stampsExist) return;
        var figures = new JsonObject { ["created"] = result.Created, ["existing"] = result.Existing };
        await UpToDate.RecordAsync(connection, sql, Step, inputs, tables, runId, figures, ct, marks);
    }

    async Task<(string Marks, bool StampsExist)> MarksAsync(NpgsqlConnection connection, SqlFiles sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql.Read("postgres/schema_marks.sql"), connection);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetString(0), reader.GetBoolean(1));
    }
}
