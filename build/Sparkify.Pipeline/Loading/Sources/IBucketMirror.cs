namespace Sparkify.Pipeline.Loading.Sources;

/// <summary>
/// Local copies of a bucket's objects (the local profile's upload keeps the files it put): the loader reads such a
/// copy instead of GETting the object when the copy holds the object's bytes, as its ETag says.
/// </summary>
public interface IBucketMirror
{
    string Bucket { get; }

    /// A stream of the local copy when it holds the object's bytes, or null (then the caller GETs the object).
    Stream? TryOpen(string key, string? etag);

    /// Counts an object the loader had to GET.
    void CountFetched();
}
