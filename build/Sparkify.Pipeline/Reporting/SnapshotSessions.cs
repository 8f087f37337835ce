using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// Runs a list of queries on up to <see cref="Readers"/> read-only sessions that share one snapshot (a
/// <see cref="SharedQueue"/>), and gives the results back in the list's order; the first failure fails the run. PostgreSQL: the first session exports its snapshot and the others import
/// it, so every section still reads the same data. Redshift has no exported snapshots: one session, as before.
/// </summary>
public static class SnapshotSessions
{
    public const int Readers = 2;

    /// <paramref name="setup"/>: each session's settings (<see cref="ReadOnlySession.OpenAsync"/>).
    public static async Task<IReadOnlyList<T>> RunAsync<T>(WarehouseEndpoint warehouse, int count,
        Func<ReadOnlySession, int, CancellationToken, Task<T>> run, CancellationToken ct, string? setup = null)
    {
        var results = new T[count];
        await using var first = await ReadOnlySession.OpenAsync(warehouse, ct, setup: setup);
        var sessions = new List<ReadOnlySession> { first };
        try
        {
            if (warehouse.Dialect == Dialect.Postgres && count > 1)
            {
                var snapshot = await first.ExportSnapshotAsync(ct);
                for (var i = 1; i < Math.Min(Readers, count); i++)
                    sessions.Add(await ReadOnlySession.OpenAsync(warehouse, ct, snapshot, setup));
            }
            await SharedQueue.RunAsync(sessions, count, async (session, i, token) => results[i] = await run(session, i, token), ct);
            return results;
        }
        finally
        {
            foreach (var session in sessions.Skip(1)) await session.DisposeAsync();
        }
    }
}
