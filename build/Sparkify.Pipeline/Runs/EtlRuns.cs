using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// The etl_runs table, written by the run's lifecycle alone (RunAudit): a target's 'running' row before its work,
/// outside the work's transaction, and its outcome (with the counts and detail the target reported) after, so a
/// failed or killed run still leaves a row that says so. The statements are sql/runs/etl_runs_*.sql.
/// </summary>
public sealed class EtlRuns(NpgsqlConnection connection, SqlFiles sql, string runId, string target, DateWindow? window,
    DateTime? startedAt = null)
{
    readonly DateTime _started = startedAt ?? Clock.Now();

    public async Task StartAsync(CancellationToken ct)
    {
        await ExecuteAsync("runs/etl_runs_clear_target.sql", ct);
        await ExecuteAsync("runs/etl_runs_running.sql", ct);
    }

    /// The outcome over the target's 'running' row; a finished row when there is none (a target recorded only at its
    /// end, or before etl_runs existed).
    public async Task OutcomeAsync(string status, DateTime finishedAt, JsonNode? counts, string detail, CancellationToken ct)
    {
        var values = new NpgsqlParameter[]
        {
            new("status", status), new("finished_at", finishedAt),
            new("counts", NpgsqlDbType.Varchar) { Value = (object?)counts?.ToJsonString() ?? DBNull.Value },
            new("detail", Redact.Text(detail.Length > 2000 ? detail[..2000] : detail)),
        };
        if (await ExecuteAsync("runs/etl_runs_outcome.sql", ct, values) == 0)
            await ExecuteAsync("runs/etl_runs_finished.sql", ct, values.Select(v => v.Clone()).ToArray());
    }

    async Task<int> ExecuteAsync(string file, CancellationToken ct, params NpgsqlParameter[] extra)
    {
        await using var command = new NpgsqlCommand(sql.Read(file), connection);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("target", target);
        command.Parameters.AddWithValue("window_from", (object?)window?.From ?? DBNull.Value);
        command.Parameters.AddWithValue("window_to", (object?)window?.To ?? DBNull.Value);
        command.Parameters.AddWithValue("started_at", _started);
        command.Parameters.AddRange(extra);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
