using System.Collections.Concurrent;

namespace Sparkify.Pipeline.Loading.Writing;

/// Reusable batches: at most (channel capacity + parser threads + the writer's one) exist at a time.
public sealed class BatchPool(int columns)
{
    readonly ConcurrentBag<RowBatch> _free = [];

    public RowBatch Rent() => _free.TryTake(out var batch) ? batch : new RowBatch(columns);

    public void Return(RowBatch batch)
    {
        batch.Clear();
        _free.Add(batch);
    }
}
