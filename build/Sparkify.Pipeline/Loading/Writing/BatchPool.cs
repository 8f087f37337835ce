using System.Collections.Concurrent;

namespace Sparkify.Pipeline.Loading.Writing;

/// Reusable batches: at most (channel capacity + parser threads + the writer's one) exist at a time.
public sealed class BatchPool
{
    readonly ConcurrentBag<CopyBatch> _free = [];

    public CopyBatch Rent() => _free.TryTake(out var batch) ? batch : new CopyBatch();

    public void Return(CopyBatch batch)
    {
        batch.Clear();
        _free.Add(batch);
    }
}
