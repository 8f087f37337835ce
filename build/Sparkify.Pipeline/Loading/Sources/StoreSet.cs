namespace Sparkify.Pipeline.Loading.Sources;

/// <summary>
/// Resolves COPY locations (s3://bucket/key, file://path or a plain path) to a store and a key, keeping one S3
/// client per bucket for the whole load. s3:// needs S3 clients (an endpoint and credentials); paths are made absolute. The mirror, when given,
/// serves its bucket's objects from local copies (see <see cref="IBucketMirror"/>); the listing, when given, answers
/// its bucket's prefixes (see <see cref="IBucketListing"/>).
/// </summary>
public sealed class StoreSet(S3Clients? s3Clients, string? region, IBucketMirror? mirror = null, IBucketListing? listing = null) : IDisposable
{
    readonly Dictionary<string, S3ObjectStore> _buckets = new(StringComparer.Ordinal);
    readonly LocalObjectStore _local = new();

    public (ObjectStore Store, string Key) Resolve(string location)
    {
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Config.S3Location.TryParse(location, out var s3))
                throw new PipelineException($"'{location}' is not an s3://bucket/prefix address with a valid bucket name");
            if (s3Clients is null)
                throw new PipelineException($"'{location}' is in S3, but the load was given no AWS context (endpoint and credentials)");
            if (!_buckets.TryGetValue(s3.Bucket, out var store))
                _buckets[s3.Bucket] = store = new S3ObjectStore(s3Clients(region), s3.Bucket, mirror?.Bucket == s3.Bucket ? mirror : null)
                    { Listing = listing?.Bucket == s3.Bucket ? listing : null };
            return (store, s3.Prefix);
        }
        if (location.Contains("://", StringComparison.Ordinal) && !location.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            throw new PipelineException($"'{location}' is neither s3://bucket/prefix nor a local path (or file://path)");
        return (_local, LocalObjectStore.KeyOf(location));
    }

    public void Dispose()
    {
        foreach (var store in _buckets.Values) store.Dispose();
    }
}
