using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// One way of filling staging_events and staging_songs from a sample; the harness times LoadAsync and counts the rows.
public interface ILoadMethod
{
    string Key { get; }
    string Name { get; }

    /// Untimed setup, such as uploading the sample to the local S3.
    Task PrepareAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct) => Task.CompletedTask;

    Task<LoadOutcome> LoadAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct);
}

/// FullRows is set when the method loaded only a subset: the harness then extrapolates the time to all rows.
/// Note, when given, goes into the report's note column; InputBytes, when given, replaces the sample's JSON bytes.
public sealed record LoadOutcome(long? FullRows = null, string Note = "", long? InputBytes = null);
