using System.Runtime.ExceptionServices;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// Runs a list of queries on up to <see cref="Readers"/> read-only sessions that share one snapshot, each session
/// taking the next query as it finishes its last, and gives the results back in the list's order. The report's
/// queries are read-only and each keeps one backend busy on one CPU, so two sessions on a two-core machine finish in
/// about half the time of one (issue 13). PostgreSQL: the first session exports its snapshot and the others import
/// it, so every section still reads the same data. Redshift has no exported snapshots: one session, as before.
/// </summary>
public static class SnapshotSessions
{
    public const int Readers = 2;

    public static async Task<IReadOnlyList<T>> RunAsync<T>(WarehouseEndpoint warehouse, int count,
        Func<ReadOnlySession, int, CancellationToken, Task<T>> run, CancellationToken ct)
    {
        var results = new T[count];
        await using var first = await ReadOnlySession.OpenAsync(warehouse, ct);
        var sessions = new List<ReadOnlySession> { first };
        try
        {
            if (warehouse.Dialect == Dialect.Postgres && count > 1)
            {
                var snapshot = await first.ExportSnapshotAsync(ct);
                for (var i = 1; i < Math.Min(Readers, count); i++)
                    sessions.Add(await ReadOnlySession.OpenAsync(warehouse, ct, snapshot));
            }
            var next = -1;
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
            async Task WorkAsync(ReadOnlySession session)
            {
                try
                {
                    for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                        results[i] = await run(session, i, failed.Token);
                }
                catch
                {
                    // One failure ends the others: the report fails on the first error, as it did with one session.
                    await failed.CancelAsync();
                    throw;
                }
            }
            var workers = sessions.Select(s => Task.Run(() => WorkAsync(s), CancellationToken.None)).ToList();
            try { await Task.WhenAll(workers); }
            catch
            {
                // The first failure in list order is the one to report, not a cancellation it caused elsewhere.
                var error = workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException)
                            ?? workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null);
                if (error is null) throw;
                ExceptionDispatchInfo.Capture(error).Throw();
            }
            return results;
        }
        finally
        {
            foreach (var session in sessions.Skip(1)) await session.DisposeAsync();
        }
    }
}
