using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// One way of filling staging_events and staging_songs from a sample; the harness times it and counts the rows.
public interface ILoadMethod
{
    string Key { get; }
    string Name { get; }

    Task<LoadOutcome> LoadAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct);
}

/// FullRows is set when the method loaded only a subset: the harness then extrapolates the time to all rows.
public sealed record LoadOutcome(long? FullRows = null);
