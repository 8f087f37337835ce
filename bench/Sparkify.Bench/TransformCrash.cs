using Npgsql;
using Sparkify.Pipeline;

namespace Sparkify.Bench;

/// <summary>
/// History case h2's crash: a full Transform into empty star tables, its backend terminated after a delay
/// (sql/bench/active_backends_terminated.sql), as a kill -9 or a lost connection leaves it; the server rolls it back.
/// When the Transform finishes first, it tries again with half the delay.
/// </summary>
public static class TransformCrash
{
    /// Returns what was killed, for the report's note, e.g. "killed after 3.1 s in 'insert into songplays…'".
    public static async Task<string> RunAsync(TransformHarness bench, TimeSpan delay, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 4; attempt++, delay /= 2)
        {
            await BenchSql.ExecuteAsync(bench.Warehouse, bench.Sql, "truncate_star.sql", ct);
            var transform = bench.TransformAsync(null, ct);
            await Task.WhenAny(transform, Task.Delay(delay, ct));
            var killed = transform.IsCompleted ? null : await TerminateAsync(bench, transform, ct);
            try
            {
                await transform;
            }
            catch (Exception e) when (killed is not null && e is not OperationCanceledException)
            {
                return $"killed after {delay.TotalSeconds:F1} s in '{killed}…'";
            }
            if (killed is not null)
                throw new PipelineException($"bench case h2: the Transform's backend was terminated in '{killed}…' but the Transform " +
                                            "still succeeded; the crash did not happen, so the case cannot be measured");
        }
        throw new PipelineException("bench case h2: the Transform finished before each of four kills (last after " +
                                    $"{delay.TotalSeconds * 2:F2} s); the crash could not be made at this scale");
    }

    /// Terminates the Transform's backend (the only other active one), retrying between its statements; its query's start.
    static async Task<string?> TerminateAsync(TransformHarness bench, Task transform, CancellationToken ct)
    {
        await using var connection = await bench.Warehouse.OpenAsync(ct);
        while (!transform.IsCompleted)
        {
            await using var command = new NpgsqlCommand(BenchSql.Read(bench.Sql, "active_backends_terminated.sql"), connection);
            await using (var reader = await command.ExecuteReaderAsync(ct))
                if (await reader.ReadAsync(ct) && reader.GetBoolean(0)) return reader.GetString(1);
            await Task.Delay(20, ct);
        }
        return null;
    }
}
