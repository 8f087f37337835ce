using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// The source a warehouse's staging was loaded from, recorded in the warehouse (sql/scope/warehouse_source*.sql): the
/// aws profile's [S3] prefixes, or on the local profile the sample folder's real path or "generated scale N seed S".
/// StageCopy writes it in the transaction of its first table load; a run without --sample uses it, a window run from
/// another source is refused, and a full run from another source switches the warehouse to it (docs/reruns.md).
/// </summary>
public sealed record WarehouseSource(string Source, string SetByRun, DateTime SetAt)
{
    public const string Table = "warehouse_source";

    /// The identity of a generated sample: what the generator needs to make the same files again.
    public static string Generated(int scale, int seed) => $"generated scale {scale} seed {seed}";

    /// The recorded source; null when none is recorded or the warehouse predates the table.
    public static async Task<WarehouseSource?> ReadAsync(NpgsqlConnection connection, SqlFiles sql, CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql.Read("scope/warehouse_source.sql"), connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new WarehouseSource(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2)) : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    /// Replaces the recorded source inside the caller's transaction (a staging load's).
    public static async Task RecordAsync(NpgsqlConnection connection, SqlFiles sql, string source, string runId, CancellationToken ct)
    {
        const string file = "scope/warehouse_source_recorded.sql";
        foreach (var statement in SqlScript.Split(file, sql.Read(file)))
        {
            await using var command = new NpgsqlCommand(statement.Text, connection);
            if (statement.Text.Contains("@source"))
            {
                command.Parameters.AddWithValue("source", source);
                command.Parameters.AddWithValue("run_id", runId);
                command.Parameters.AddWithValue("set_at", DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified));
            }
            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                throw new PipelineException($"the warehouse has no {Table} table (made by an older CreateTables); " +
                                            "run ./build.sh CreateTables once (it keeps every row), then run this target again", e);
            }
        }
    }
}
