using Amazon.S3;
using Amazon.S3.Model;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// Every object of one bucket as one ListObjectsV2 pass returned it (key, size, ETag), in key order. The local
/// profile's StageCopy lists its bucket once, in the sample upload (again after the upload's own writes), and both
/// loads take their prefixes from that listing instead of listing 10,101 keys a second time: a prefix selects the keys
/// that start with it (S3's prefix semantics: keys, not folders), which in key order is one contiguous run.
/// </summary>
public sealed class BucketListing : IBucketListing
{
    readonly ListedObject[] _objects;

    BucketListing(string bucket, IEnumerable<ListedObject> objects)
    {
        Bucket = bucket;
        _objects = objects.ToArray();
        Array.Sort(_objects, (a, b) => string.CompareOrdinal(a.Key, b.Key));
    }

    public string Bucket { get; }

    public int Count => _objects.Length;

    public bool Contains(string key) => Find(key) >= 0;

    public bool TryGetETag(string key, out string etag)
    {
        var at = Find(key);
        etag = at >= 0 ? _objects[at].ETag : "";
        return at >= 0;
    }

    public IEnumerable<string> Keys => _objects.Select(o => o.Key);

    /// Every object whose key starts with the prefix, in key order.
    public IReadOnlyList<ListedObject> Under(string prefix)
    {
        var first = Find(prefix);
        if (first < 0) first = ~first;
        var last = first;
        while (last < _objects.Length && _objects[last].Key.StartsWith(prefix, StringComparison.Ordinal)) last++;
        return _objects[first..last];
    }

    /// A listing of objects already listed (sorted here by key).
    public static BucketListing Of(string bucket, IEnumerable<ListedObject> objects) => new(bucket, objects);

    /// Lists the whole bucket from S3, every page.
    public static async Task<BucketListing> ListAsync(IAmazonS3 s3, string bucket, CancellationToken ct)
    {
        var objects = new List<ListedObject>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, ct);
            // AWSSDK v4 returns null, not an empty list, when a page has no objects.
            foreach (var o in page.S3Objects ?? []) objects.Add(new ListedObject(o.Key, o.Size ?? 0, o.ETag ?? ""));
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        return new BucketListing(bucket, objects);
    }

    int Find(string key) => Array.BinarySearch(_objects, new ListedObject(key, 0, ""), ByKey.Instance);

    sealed class ByKey : IComparer<ListedObject>
    {
        public static readonly ByKey Instance = new();
        public int Compare(ListedObject? a, ListedObject? b) => string.CompareOrdinal(a!.Key, b!.Key);
    }
}
