using System.Runtime.ExceptionServices;

namespace Sparkify.Pipeline.Warehouse;

/// <summary>
/// Jobs 0..count-1 spread over a few workers (connections, sessions), each worker taking the next job as it finishes
/// its last: Verify's checks and Report's queries each keep one backend busy on one CPU, so two workers on two cores
/// finish in about half the time (issue 13). The first job to fail stops the others, and its own error is rethrown,
/// not a cancellation it caused elsewhere.
/// </summary>
public static class SharedQueue
{
    public static async Task RunAsync<TWorker>(IReadOnlyList<TWorker> workers, int count, Func<TWorker, int, CancellationToken, Task> job,
        CancellationToken ct)
    {
        var next = -1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        async Task WorkAsync(TWorker worker)
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                    await job(worker, i, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }
        var running = workers.Select(w => Task.Run(() => WorkAsync(w), CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(running);
        }
        catch
        {
            var errors = running.Select(w => w.Exception?.InnerException).OfType<Exception>().ToList();
            if (errors.FirstOrDefault(e => e is not OperationCanceledException) is { } failure) ExceptionDispatchInfo.Throw(failure);
            ct.ThrowIfCancellationRequested();
            throw;
        }
    }
}
