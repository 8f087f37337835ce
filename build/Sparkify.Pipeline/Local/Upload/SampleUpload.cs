using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// Puts a sample in the public layout (song_data/…, log_data/…, log_json_path.json) into a bucket under the same
/// keys. Content decides, not size: each file's MD5 is compared with the object's listed ETag, and only what differs
/// is put, so an edit that keeps a file's size is uploaded too and a second StageCopy uploads nothing. Objects of that
/// layout that the sample does not have are removed when this upload put them there (the bucket's record object lists
/// those keys): the bucket mirrors one sample, never a mix of two, and nothing it did not put is deleted. MD5s come
/// from the <see cref="Md5Cache"/> for files unchanged since the last upload; a file the bucket lacks is put without
/// being hashed and takes the ETag moto stored it under (docs/local-profile.md, "What is uploaded again").
/// </summary>
public static class SampleUpload
{
    /// The object listing every key an upload put in the bucket: the only keys a later upload may remove.
    public const string RecordKey = ".sparkify/uploaded-keys.json";

    public static Task<SampleUploadResult> EnsureAsync(IAmazonS3 s3, string bucket, string region, string sample, CancellationToken ct) =>
        EnsureAsync(s3, bucket, region, sample, bulk: true, cache: null, ct);

    public static Task<SampleUploadResult> EnsureAsync(IAmazonS3 s3, string bucket, string region, string sample, bool bulk, CancellationToken ct) =>
        EnsureAsync(s3, bucket, region, sample, bulk, cache: null, ct);

    /// <paramref name="bulk"/> false always PUTs each object, as on an endpoint without moto_serve.py's bulk route;
    /// <paramref name="cache"/> (null: none) gives the MD5s of files unchanged since the last upload and keeps this one's.
    public static async Task<SampleUploadResult> EnsureAsync(IAmazonS3 s3, string bucket, string region, string sample, bool bulk, Md5Cache? cache,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var steps = new UploadSteps(clock);
        sample = Path.GetFullPath(sample);
        SampleFile.RequireLayout(sample);
        // The files are listed and identified (statx, cache) beside the bucket's creation and listing, which wait on moto.
        var stat = Task.Run(() => SampleFile.In(sample, cache), ct);
        Task<BucketListing> listing;
        try
        {
            await EnsureBucketAsync(s3, bucket, region, ct);
            listing = ListAsync(s3, bucket, bulk, ct);
        }
        catch
        {
            await Task.WhenAny(stat); // a failed upload returns only once nothing reads the sample any more
            throw;
        }
        IReadOnlyList<SampleFile> files;
        try
        {
            files = await stat;
        }
        catch
        {
            // The sample's error is the one to report; the listing is awaited so that it neither outlives the run nor
            // faults unobserved.
            await Task.WhenAny(listing);
            _ = listing.Exception;
            throw;
        }
        steps.Done("stat");
        var first = await listing;
        steps.Done("list");
        var existing = first.Under("").ToDictionary(o => o.Key, o => o.ETag, StringComparer.Ordinal);
        // Only a file the bucket already has needs its MD5 now (is it the same?); one that is put anyway gets it back
        // as the ETag of the object it becomes. Without statx (no identities) every file is hashed, as before the cache.
        var unknown = files.Where(f => f.Md5 is null && (existing.ContainsKey(f.Key) || f.Identity is null)).ToList();
        await SampleFile.HashAsync(unknown, ct);
        steps.Done("hash");
        var changed = files.Where(f => !existing.TryGetValue(f.Key, out var etag) || LocalMirror.Normalise(etag) != f.Md5).ToList();

        var wanted = files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var recorded = await RecordedAsync(s3, bucket, existing, wanted, ct);
        steps.Done("record");
        var stale = existing.Keys.Where(k => SampleFile.InLayout(k) && !wanted.Contains(k)).ToList();
        var removable = stale.Where(recorded.Contains).ToList();
        // Claimed before the first put, so the keys of an upload cut short are still removable by the next one; rewritten
        // only when it grows (a warm run writes nothing).
        var recordGrows = !wanted.IsSubsetOf(recorded) || !existing.ContainsKey(RecordKey);
        if (recordGrows) await WriteRecordAsync(s3, bucket, recorded.Union(wanted), ct);
        steps.Done("claim");
        var etags = changed.Count == 0 ? null : await PutAsync(s3, bucket, changed, bulk, ct);
        foreach (var f in changed) f.PutAs(etags?.GetValueOrDefault(f.Key));
        steps.Done("put");
        foreach (var chunk in removable.Chunk(1000))
            await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList() }, ct);
        if (removable.Count > 0) await WriteRecordAsync(s3, bucket, recorded.Except(removable).Union(wanted), ct);
        // The run's one listing: the bucket as the upload leaves it, listed again only when the upload wrote to it.
        var last = recordGrows || changed.Count > 0 || removable.Count > 0 ? await ListAsync(s3, bucket, bulk, ct) : first;
        steps.Done("relist");
        var mirror = new LocalMirror(bucket);
        foreach (var f in files)
            if (f.Mirrored() is { } m)
            {
                mirror.Add(f.Key, m);
                if (f.Identity is { } identity) cache?.Remember(f.Path, identity, m.Md5);
            }
        cache?.Save();
        steps.Done("cache");
        return new SampleUploadResult(changed.Count, files.Count - changed.Count, removable.Count)
        {
            Foreign = stale.Count - removable.Count, InBulk = etags is { Bulk: true }, Mirror = mirror, Listing = last,
            Hashed = unknown.Count, FromCache = files.Count(f => f.FromCache), CacheIgnored = cache?.Ignored == true,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3), Steps = steps.Seconds,
        };
    }

    /// The whole bucket, through moto's list route when it has one, else ListObjectsV2 page by page.
    static async Task<BucketListing> ListAsync(IAmazonS3 s3, string bucket, bool bulk, CancellationToken ct) =>
        (bulk && s3.Config.ServiceURL is { } url ? await MotoBulkList.TryListAsync(url, bucket, ct) : null)
        ?? await BucketListing.ListAsync(s3, bucket, ct);

    /// Puts the files, through moto's bulk route when it has one; the ETag of each object put, by key.
    static async Task<PutETags> PutAsync(IAmazonS3 s3, string bucket, List<SampleFile> changed, bool bulk, CancellationToken ct)
    {
        if (bulk && s3.Config.ServiceURL is { } url && await MotoBulkPut.TryPutAsync(url, bucket, changed, ct) is { } inBulk)
            return new PutETags(inBulk, Bulk: true);
        var etags = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (f, token) =>
        {
            var request = new PutObjectRequest { BucketName = bucket, Key = f.Key, FilePath = f.Path };
            if (f.Md5 is { } md5) request.MD5Digest = Convert.ToBase64String(Convert.FromHexString(md5));
            var response = await s3.PutObjectAsync(request, token);
            if (response.ETag is { } etag) etags[f.Key] = etag;
        });
        return new PutETags(etags, Bulk: false);
    }

    sealed record PutETags(IReadOnlyDictionary<string, string> ByKey, bool Bulk)
    {
        public string? GetValueOrDefault(string key) => ByKey.GetValueOrDefault(key);
    }

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

    /// The keys earlier uploads put there and that still exist. When the record's listed ETag is the MD5 of the record
    /// this sample would write, it holds exactly the sample's keys and is not fetched (a warm run's one GET less).
    static async Task<HashSet<string>> RecordedAsync(IAmazonS3 s3, string bucket, Dictionary<string, string> existing, HashSet<string> wanted,
        CancellationToken ct)
    {
        if (!existing.TryGetValue(RecordKey, out var recordETag)) return new HashSet<string>(StringComparer.Ordinal);
        if (LocalMirror.Normalise(recordETag) == Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(RecordOf(wanted)))))
            return wanted.Where(existing.ContainsKey).ToHashSet(StringComparer.Ordinal);
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
            ContentBody = RecordOf(keys),
        }, ct);

    static string RecordOf(IEnumerable<string> keys) => JsonSerializer.Serialize(keys.Order(StringComparer.Ordinal).ToArray());
}

/// <summary>
/// What an upload did: objects put (new or changed), objects already there with the same content, objects of another
/// sample removed; objects of that layout it left because it did not put them; whether it put through moto's bulk
/// route; the files' MD5s; the bucket's listing as the upload left it; seconds taken, in all and per step.
/// </summary>
public sealed record SampleUploadResult(int Uploaded, int Kept, int Removed)
{
    public int Foreign { get; init; }
    public bool InBulk { get; init; }
    public LocalMirror Mirror { get; init; } = new("");
    public BucketListing? Listing { get; init; }
    public double Seconds { get; init; }

    /// Files hashed by this upload; files whose MD5 the cache gave; whether a cache file was there but not trusted.
    public int Hashed { get; init; }
    public int FromCache { get; init; }
    public bool CacheIgnored { get; init; }

    /// Seconds per step: stat (bucket made, files enumerated and identified, cache read: side by side), list, hash, put, relist, cache (mirror and cache written).
    public IReadOnlyDictionary<string, double> Steps { get; init; } = new Dictionary<string, double>();
}
