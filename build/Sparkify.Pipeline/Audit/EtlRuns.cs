using System.Text.Json.Nodes;
using Npgsql;

namespace Sparkify.Pipeline.Audit;

/// <summary>
/// The etl_runs audit table: a target records "running" before its work, outside the work's transaction, and
/// its outcome after, so a failed or killed run still leaves a row that says so.
/// </summary>
public sealed class EtlRuns(NpgsqlConnection connection, string runId, string target, DateWindow? window, DateTime? startedAt = null)
{
    readonly DateTime _started = startedAt ?? Now();

    public async Task StartAsync(CancellationToken ct)
    {
        // A target run twice under one run id (never through Cake) replaces its own earlier row.
        await ExecuteAsync("delete from etl_runs where run_id = @run_id and target = @target", ct);
        await ExecuteAsync("""
            insert into etl_runs (run_id, target, window_from, window_to, started_at, status)
            values (@run_id, @target, @window_from, @window_to, @started_at, 'running')
            """, ct);
    }

    public Task SucceededAsync(JsonNode counts, string detail, CancellationToken ct) => FinishAsync("succeeded", counts, detail, ct);

    /// Best effort: when the connection itself broke, the row stays "running" and the original error is what matters.
    public async Task FailedAsync(JsonNode? counts, string detail, CancellationToken ct)
    {
        try
        {
            await FinishAsync("failed", counts, detail, ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
        }
    }

    /// The outcome the run saw at the target's end, over the row the target wrote itself (its counts and detail stay);
    /// inserts a finished row when there is none (a target recorded only at its end, or before etl_runs existed).
    public async Task OutcomeAsync(string status, DateTime finishedAt, string detail, CancellationToken ct)
    {
        var values = new[] { ("status", (object)status), ("finished_at", finishedAt), ("detail", Redact.Text(detail.Length > 2000 ? detail[..2000] : detail)) };
        var updated = await ExecuteAsync("""
            update etl_runs
            set status = @status, finished_at = coalesce(finished_at, @finished_at), detail = coalesce(detail, nullif(@detail, ''))
            where run_id = @run_id and target = @target
            """, ct, values);
        if (updated == 0)
            await ExecuteAsync("""
                insert into etl_runs (run_id, target, window_from, window_to, started_at, finished_at, status, detail)
                values (@run_id, @target, @window_from, @window_to, @started_at, @finished_at, @status, nullif(@detail, ''))
                """, ct, values);
    }

    async Task FinishAsync(string status, JsonNode? counts, string detail, CancellationToken ct) =>
        await ExecuteAsync("""
            update etl_runs
            set finished_at = @finished_at, status = @status, counts = @counts, detail = @detail
            where run_id = @run_id and target = @target
            """, ct, ("finished_at", Now()), ("status", status), ("counts", (object?)counts?.ToJsonString() ?? DBNull.Value),
            ("detail", Redact.Text(detail.Length > 2000 ? detail[..2000] : detail)));

    async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] extra)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("target", target);
        command.Parameters.AddWithValue("window_from", (object?)window?.From ?? DBNull.Value);
        command.Parameters.AddWithValue("window_to", (object?)window?.To ?? DBNull.Value);
        command.Parameters.AddWithValue("started_at", _started);
        foreach (var (name, value) in extra) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// UTC wall time as a plain timestamp: Npgsql sends a DateTime of kind Utc as timestamptz, which the server
    /// would shift by its session time zone on the way into a timestamp column.
    static DateTime Now() => DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
}
