using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// The local files that a bucket's objects were uploaded from, each with its MD5. The loader reads such a file instead
/// of GETting the object when the object's ETag (from the listing, or a HEAD) equals the file's MD5 and the file has
/// not changed since it was hashed: the same bytes, without a request per object. Anything else goes to S3.
/// </summary>
/// <remarks>
/// The ETag of an object put in one part (no SSE-KMS) is the MD5 of its bytes (S3 API reference, Common Response
/// Headers); a multipart ETag ("…-N") never matches an MD5, so such objects are always read from S3.
/// </remarks>
public sealed class LocalMirror(string bucket) : IBucketMirror
{
    readonly Dictionary<string, MirroredFile> _files = new(StringComparer.Ordinal);
    long _local, _remote;

    public string Bucket { get; } = bucket;
    public int Count => _files.Count;
    public long ReadLocally => Interlocked.Read(ref _local);
    public long ReadFromS3 => Interlocked.Read(ref _remote);

    public void Add(string key, MirroredFile file) => _files[key] = file;

    public bool TryGet(string key, out MirroredFile file) => _files.TryGetValue(key, out file!);

    /// The local file when it holds the object's bytes, or null (then the caller GETs the object).
    public Stream? TryOpen(string key, string? etag)
    {
        if (etag is null || !_files.TryGetValue(key, out var file) || !string.Equals(Normalise(etag), file.Md5, StringComparison.Ordinal)
            || !file.Unchanged())
            return null;
        try
        {
            var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            Interlocked.Increment(ref _local);
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// Counts an object the loader had to GET.
    public void CountFetched() => Interlocked.Increment(ref _remote);

    /// An ETag as S3 lists it ("\"9e107d…\"") in the form of a hex MD5: no quotes, lower case.
    public static string Normalise(string etag) => etag.Trim('"').ToLowerInvariant();
}

/// One uploaded file: where it is, its MD5 (hex, lower case), and its size and write time (and, where the system gives
/// it, its whole <see cref="FileIdentity"/>) from before it was hashed or put.
public sealed record MirroredFile(string Path, string Md5, long Size, DateTime LastWriteUtc)
{
    public FileIdentity? Identity { get; init; }

    /// The file as it was before hashing: an edit during the hash then shows as a change, and the object is fetched.
    public static MirroredFile Of(FileInfo before, string md5) => new(before.FullName, md5, before.Length, before.LastWriteTimeUtc);

    /// The file as statx saw it before it was hashed or put (or its MD5 was taken from the cache).
    public static MirroredFile Of(string path, FileIdentity before, string md5) =>
        new(path, md5, before.Size, before.LastWriteUtc) { Identity = before };

    /// True while the file keeps the size and write time it had when hashed (and its inode and ctime, when identified).
    public bool Unchanged()
    {
        if (Identity is { } identity) return FileIdentity.Of(Path) == identity;
        var info = new FileInfo(Path);
        return info.Exists && info.Length == Size && info.LastWriteTimeUtc == LastWriteUtc;
    }
}
