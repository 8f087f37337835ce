using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// Whether a step's work would change nothing, so a rerun may skip it (PostgreSQL, the local profile): its inputs
/// (a fingerprint of what it reads besides tables: objects and ETags, options, SQL, window) and the marks of the
/// tables it reads and writes (each table's identity and write count, counted by etl_writes' triggers whoever
/// writes) equal the stamp its last successful run committed with its work (etl_stamps). Anything else — a
/// warehouse without those tables, a disabled trigger, a stamp of other inputs — says "not up to date", and the step
/// runs. Redshift has no triggers: there every step always runs.
/// </summary>
public static class UpToDate
{
    /// A fingerprint of a step's inputs, and of this build of the pipeline: a rebuilt pipeline may load or transform
    /// differently, so its first run never trusts an older build's stamp.
    public static string Fingerprint(IEnumerable<string> inputs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(typeof(UpToDate).Assembly.ManifestModule.ModuleVersionId + "\n"));
        foreach (var input in inputs) sha.AppendData(Encoding.UTF8.GetBytes(input.Replace("\n", "\\n") + "\n"));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// The step's stamp when its inputs and the tables' marks are still what it recorded; null otherwise.
    public static async Task<Stamp?> CurrentAsync(NpgsqlConnection connection, SqlFiles sql, string step, string inputs,
        IReadOnlyList<string> tables, CancellationToken ct)
    {
        if (await MarksAsync(connection, sql, tables, ct) is not { } marks) return null;
        return await RecordedAsync(connection, sql, step, ct) is { } row && row.Inputs == inputs && row.Marks == marks ? row.Stamp : null;
    }

    /// The step's stamp as its last successful run recorded it, whatever the marks are now (etl_stamps must exist); null
    /// when it has none. For steps that compare the marks in their own way (CreateTables' schema marks, Verify's scope).
    public static async Task<Recorded?> RecordedAsync(NpgsqlConnection connection, SqlFiles sql, string step, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql.Read("postgres/runs/stamp_of_step.sql"), connection);
        command.Parameters.AddWithValue("step", step);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new Recorded(reader.GetString(0), reader.GetString(1),
            new Stamp(step, reader.GetString(2), reader.GetDateTime(3), JsonNode.Parse(reader.GetString(4)) as JsonObject ?? []));
    }

    /// Records the step's stamp inside its own transaction, just before it commits; does nothing on a warehouse
    /// whose tables cannot be marked (then the step simply always runs).
    /// <paramref name="marks"/>: the marks the step read before its work, when it wrote nothing (a check): a write by
    /// someone else during the work then leaves a stamp that no longer matches.
    public static async Task RecordAsync(NpgsqlConnection connection, SqlFiles sql, string step, string inputs,
        IReadOnlyList<string> tables, string runId, JsonObject result, CancellationToken ct, string? marks = null)
    {
        marks ??= await MarksAsync(connection, sql, tables, ct);
        if (marks is null) return;
        const string file = "postgres/runs/stamp_recorded.sql";
        foreach (var statement in Modeling.SqlScript.Split(file, sql.Read(file)))
        {
            await using var command = new NpgsqlCommand(statement.Text, connection);
            command.Parameters.AddWithValue("step", step);
            if (statement.Text.Contains("@inputs"))
            {
                command.Parameters.AddWithValue("inputs", inputs);
                command.Parameters.AddWithValue("marks", marks);
                command.Parameters.AddWithValue("run_id", runId);
                command.Parameters.AddWithValue("recorded_at", DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified));
                command.Parameters.AddWithValue("result", result.ToJsonString());
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// "table:identity:writes" for every table, or null when one is missing, uncounted, or the warehouse has no
    /// stamps' tables (made by an older CreateTables).
    public static async Task<string?> MarksAsync(NpgsqlConnection connection, SqlFiles sql, IReadOnlyList<string> tables, CancellationToken ct)
    {
        await using (var exists = new NpgsqlCommand("select to_regclass('etl_writes') is not null and to_regclass('etl_stamps') is not null", connection))
            if (await exists.ExecuteScalarAsync(ct) is not true) return null;
        await using var command = new NpgsqlCommand(sql.Read("postgres/runs/table_marks.sql"), connection);
        command.Parameters.AddWithValue("tables", tables.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var marks = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            if (!reader.GetBoolean(3)) return null;
            marks.Add($"{reader.GetString(0)}:{reader.GetInt64(1)}:{reader.GetInt64(2)}");
        }
        return marks.Count == tables.Distinct().Count() ? string.Join(";", marks) : null;
    }

    /// A step's last successful run that is still current: its run id, when it committed, and its figures.
    public sealed record Stamp(string Step, string RunId, DateTime RecordedAt, JsonObject Result);

    /// A recorded stamp with the inputs and marks it was recorded with.
    public sealed record Recorded(string Inputs, string Marks, Stamp Stamp);
}
