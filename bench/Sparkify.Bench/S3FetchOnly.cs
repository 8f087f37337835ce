using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// (e) The floor under (d): list and GET every object of the sample from the local S3 with the loader's client and
/// concurrency, reading the bytes and parsing nothing, loading nothing. When (d) is close to (e), the time of (d) is
/// the S3 server's, not the loader's.
/// </summary>
public sealed class S3FetchOnly(CopyOptions options, BenchServices services) : ILoadMethod
{
    AwsContext? _aws;
    string? _s3Root;

    public string Key => "e";
    public string Name => "local S3 (moto), fetch only: GET every object, no parsing, no COPY";

    public async Task PrepareAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct) => (_aws, _s3Root) = await services.S3WithSampleAsync(sample, ct);

    public async Task<LoadOutcome> LoadAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct)
    {
        using var stores = new StoreSet(_aws is null ? null : _aws.S3, options.Region);
        long objects = 0, bytes = 0;
        foreach (var copy in StagingCopies.Under(_s3Root!, options))
        {
            var listed = await ObjectListing.ListAsync(copy, stores, ct);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = TablePump.Parallelism(copy.Options, listed), CancellationToken = ct };
            await Parallel.ForEachAsync(listed, parallel, async (o, token) =>
            {
                var buffer = new byte[64 << 10];
                await using var stream = await o.Store.OpenAsync(o.Key, token);
                for (int n; (n = await stream.ReadAsync(buffer, token)) > 0;) Interlocked.Add(ref bytes, n);
            });
            objects += listed.Count;
        }
        return new LoadOutcome(Note: $"{objects:N0} objects, {bytes / 1e6:N1} MB fetched, nothing loaded");
    }
}
