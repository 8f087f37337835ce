using System.Threading.Channels;

namespace Sparkify.Pipeline.Loading.Writing;

/// A parser thread's current batch; a full batch goes to the bounded channel, which waits while the writer is behind.
public sealed class BatchSink(ChannelWriter<CopyBatch> output, BatchPool pool)
{
    public CopyBatch Current { get; private set; } = pool.Rent();

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (Current.Rows == 0) return;
        await output.WriteAsync(Current, ct);
        Current = pool.Rent();
    }
}
