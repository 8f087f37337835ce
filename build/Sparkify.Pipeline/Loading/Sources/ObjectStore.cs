namespace Sparkify.Pipeline.Loading.Sources;

/// <summary>
/// Where COPY reads objects: a bucket (S3, moto or AWS) or the local file system. Keys are matched as prefixes,
/// never as folders, as Redshift's COPY does: "log_data/2018/11/2018-11-0" matches the first nine days.
/// </summary>
public abstract class ObjectStore : IDisposable
{
    /// Every object whose key starts with the prefix, in key order; folder markers (keys ending in /) left out.
    public abstract Task<IReadOnlyList<SourceObject>> ListAsync(string prefix, CancellationToken ct);

    /// The object's size, or null when it does not exist.
    public abstract Task<long?> SizeAsync(string key, CancellationToken ct);

    public abstract Task<Stream> OpenAsync(string key, CancellationToken ct);

    /// The key as a user would write it in FROM: s3://bucket/key or the file's path.
    public abstract string Describe(string key);

    /// True when both address the same place, so a key of one is a key of the other.
    public abstract bool SameAs(ObjectStore other);

    /// The object's ETag as the store last listed or described it; null when it has none (a local file, or not listed).
    public virtual string? ETagOf(string key) => null;

    public virtual void Dispose() { }
}

/// One object to load; ObjectId is the load_ledger id its rows carry (set by a ledger load, null otherwise).
public sealed record SourceObject(ObjectStore Store, string Key, long Size)
{
    public string Name => Store.Describe(Key);

    public long? ObjectId { get; init; }
}
