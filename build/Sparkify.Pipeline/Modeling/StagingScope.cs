using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// What staging_events holds, recorded in the warehouse (sql/scope/): the whole source (Days null) or the
/// --from/--to days of a windowed StageCopy. StageCopy writes it in the load's transaction; Transform and Verify
/// without --from/--to follow it, so a windowed StageCopy followed by a bare Transform never wipes other days.
/// </summary>
public sealed record StagingScope(DateWindow? Days, string? Source)
{
    public const string Table = "staging_scope";

    /// Replaces the recorded scope inside the caller's transaction (the one that loads staging_events).
    public static async Task RecordAsync(NpgsqlConnection connection, SqlFiles sql, string runId, string source,
        DateWindow? days, CancellationToken ct)
    {
        const string file = "scope/staging_scope_recorded.sql";
        foreach (var statement in SqlScript.Split(file, sql.Read(file)))
        {
            await using var command = new NpgsqlCommand(statement.Text, connection);
            if (statement.Text.Contains("@run_id"))
            {
                command.Parameters.AddWithValue("run_id", runId);
                command.Parameters.AddWithValue("staged_at", DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified));
                command.Parameters.AddWithValue("source", source.Length > 1024 ? source[..1024] : source);
                command.Parameters.AddWithValue("day_from", days is null ? DBNull.Value : days.From);
                command.Parameters.AddWithValue("day_to", days is null ? DBNull.Value : days.To);
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// What staging holds after a load that kept what it held (the ledger's only-what-changed load) added a window's
    /// objects: the whole source stays whole (null), a full load makes it whole, two windows span both.
    public static DateWindow? Widened(DateWindow? held, DateWindow? loaded) =>
        held is null || loaded is null ? null : new DateWindow(Min(held.From, loaded.From), Max(held.To, loaded.To));

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// The recorded scope; no row counts as the whole source (staging loaded by hand or by another tool).
    public static async Task<StagingScope> ReadAsync(NpgsqlConnection connection, SqlFiles sql, CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql.Read("scope/staging_scope.sql"), connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return new StagingScope(null, null);
            var source = reader.IsDBNull(2) ? null : reader.GetString(2);
            return reader.IsDBNull(0) || reader.IsDBNull(1)
                ? new StagingScope(null, source)
                : new StagingScope(new DateWindow(reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1)), source);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new PipelineException($"the warehouse has no {Table} table (made by an older CreateTables); " +
                                        "run ./build.sh CreateTables once (it keeps every row), then run this target again", e);
        }
    }
}
