using System.Collections.Concurrent;
using System.Threading.Channels;

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

/// A parser thread's current batch; a full batch goes to the bounded channel, which waits while the writer is behind.
public sealed class BatchSink(ChannelWriter<RowBatch> output, BatchPool pool)
{
    public RowBatch Current { get; private set; } = pool.Rent();

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (Current.Count == 0) return;
        await output.WriteAsync(Current, ct);
        Current = pool.Rent();
    }
}
