using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Puts a sample in the public layout (song_data/…, log_data/…, log_json_path.json) into a bucket under the same
/// keys. Content decides, not size: each file's MD5 is compared with the object's listed ETag, and only what differs
/// is put, so an edit that keeps a file's size is uploaded too and a second StageCopy uploads nothing. Objects of that
/// layout that the sample does not have are removed when this upload put them there (the bucket's record object lists
/// those keys): the bucket mirrors one sample, never a mix of two, and nothing it did not put is deleted.
/// </summary>
public static class SampleUpload
{
    static readonly string[] Parts = ["song_data", "log_data", "log_json_path.json"];

    /// The object listing every key an upload put in the bucket: the only keys a later upload may remove.
    public const string RecordKey = ".sparkify/uploaded-keys.json";

    public static Task<SampleUploadResult> EnsureAsync(IAmazonS3 s3, string bucket, string region, string sample, CancellationToken ct) =>
        EnsureAsync(s3, bucket, region, sample, bulk: true, ct);

    /// <paramref name="bulk"/> false always PUTs each object, as on an endpoint without moto_serve.py's bulk route.
    public static async Task<SampleUploadResult> EnsureAsync(IAmazonS3 s3, string bucket, string region, string sample, bool bulk, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var files = SampleFiles(Path.GetFullPath(sample));
        await EnsureBucketAsync(s3, bucket, region, ct);
        var hashing = HashAsync(bucket, files, ct);
        var listing = await BucketListing.ListAsync(s3, bucket, ct);
        var existing = listing.Under("").ToDictionary(o => o.Key, o => o.ETag, StringComparer.Ordinal);
        var mirror = await hashing;
        var changed = files.Where(f => !existing.TryGetValue(f.Key, out var etag) || LocalMirror.Normalise(etag) != Md5Of(mirror, f.Key)).ToList();

        var recorded = await RecordedAsync(s3, bucket, existing, ct);
        var wanted = files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var stale = existing.Keys.Where(k => Parts.Any(p => k.StartsWith(p, StringComparison.Ordinal)) && !wanted.Contains(k)).ToList();
        var removable = stale.Where(recorded.Contains).ToList();
        // Claimed before the first put, so the keys of an upload cut short are still removable by the next one; rewritten
        // only when it grows (a warm run writes nothing).
        var recordGrows = !wanted.IsSubsetOf(recorded) || !existing.ContainsKey(RecordKey);
        if (recordGrows) await WriteRecordAsync(s3, bucket, recorded.Union(wanted), ct);
        var putInBulk = bulk && changed.Count > 0 && s3.Config.ServiceURL is { } url && await MotoBulkPut.TryPutAsync(url, bucket, changed, ct);
        if (!putInBulk)
            await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (f, token) =>
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = bucket, Key = f.Key, FilePath = f.Path,
                    MD5Digest = Convert.ToBase64String(Convert.FromHexString(Md5Of(mirror, f.Key))),
                }, token));
        foreach (var chunk in removable.Chunk(1000))
            await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList() }, ct);
        if (removable.Count > 0) await WriteRecordAsync(s3, bucket, recorded.Except(removable).Union(wanted), ct);
        // The run's one listing: the bucket as the upload leaves it, listed again only when the upload wrote to it.
        if (recordGrows || changed.Count > 0 || removable.Count > 0) listing = await BucketListing.ListAsync(s3, bucket, ct);
        return new SampleUploadResult(changed.Count, files.Count - changed.Count, removable.Count)
        {
            Foreign = stale.Count - removable.Count, InBulk = putInBulk, Mirror = mirror, Listing = listing,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
        };
    }

    static List<(string Path, string Key)> SampleFiles(string sample)
    {
        if (!File.Exists(Path.Combine(sample, "log_json_path.json")) || !Directory.Exists(Path.Combine(sample, "log_data")) ||
            !Directory.Exists(Path.Combine(sample, "song_data")))
            throw new PipelineException($"{sample} is not a sample in the public layout (log_data/, song_data/, log_json_path.json); " +
                                        "pass --sample=DIR such as ../shared/data/sparkify");
        return Parts.SelectMany(p => Directory.Exists(Path.Combine(sample, p))
                ? Directory.EnumerateFiles(Path.Combine(sample, p), "*", SearchOption.AllDirectories)
                : [Path.Combine(sample, p)])
            .Select(path => (Path: path, Key: Path.GetRelativePath(sample, path).Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
    }

    /// Every file's MD5, hashed on all cores while the bucket is listed.
    static async Task<LocalMirror> HashAsync(string bucket, List<(string Path, string Key)> files, CancellationToken ct)
    {
        var hashed = new (string Key, MirroredFile File)[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { CancellationToken = ct }, async (i, token) =>
        {
            var before = new FileInfo(files[i].Path);
            await using var stream = new FileStream(before.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var md5 = Convert.ToHexStringLower(await MD5.HashDataAsync(stream, token));
            hashed[i] = (files[i].Key, MirroredFile.Of(before, md5));
        });
        return hashed.Aggregate(new LocalMirror(bucket), (m, h) => { m.Add(h.Key, h.File); return m; });
    }

    static string Md5Of(LocalMirror mirror, string key) => mirror.TryGet(key, out var file) ? file.Md5 : "";

    static async Task EnsureBucketAsync(IAmazonS3 s3, string bucket, string region, CancellationToken ct)
    {
        try
        {
            // us-east-1 takes no location constraint; every other region requires one.
            var request = new PutBucketRequest { BucketName = bucket };
            if (region != "us-east-1") request.BucketRegionName = region;
            await s3.PutBucketAsync(request, ct);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
        }
    }

    /// The keys earlier uploads put there and that still exist.
    static async Task<HashSet<string>> RecordedAsync(IAmazonS3 s3, string bucket, Dictionary<string, string> existing, CancellationToken ct)
    {
        if (!existing.ContainsKey(RecordKey)) return new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var response = await s3.GetObjectAsync(bucket, RecordKey, ct);
            var keys = await JsonSerializer.DeserializeAsync<string[]>(response.ResponseStream, cancellationToken: ct) ?? [];
            return keys.Where(existing.ContainsKey).ToHashSet(StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new PipelineException($"s3://{bucket}/{RecordKey}, the record of the keys the sample upload put there, is not a JSON " +
                                        $"array of keys ({e.Message}); delete it, or run ./build.sh Teardown to start a fresh local bucket");
        }
    }

    static Task WriteRecordAsync(IAmazonS3 s3, string bucket, IEnumerable<string> keys, CancellationToken ct) =>
        s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = RecordKey, ContentType = "application/json",
            ContentBody = JsonSerializer.Serialize(keys.Order(StringComparer.Ordinal).ToArray()),
        }, ct);
}

/// <summary>
/// What an upload did: objects put (new or changed), objects already there with the same content, objects of another
/// sample removed; objects of that layout it left because it did not put them; whether it put through moto's bulk
/// route; the files' MD5s; the bucket's listing as the upload left it; seconds taken.
/// </summary>
public sealed record SampleUploadResult(int Uploaded, int Kept, int Removed)
{
    public int Foreign { get; init; }
    public bool InBulk { get; init; }
    public LocalMirror Mirror { get; init; } = new("");
    public BucketListing? Listing { get; init; }
    public double Seconds { get; init; }
}
