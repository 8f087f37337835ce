using Amazon.S3;
using Amazon.S3.Model;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Puts a sample in the public layout (song_data/…, log_data/…, log_json_path.json) into a bucket under the same
/// keys, skipping the objects already there with the same size, so a second StageCopy uploads nothing. Objects of
/// that layout the sample does not have are removed: the bucket mirrors one sample, never a mix of two.
/// </summary>
public static class SampleUpload
{
    static readonly string[] Parts = ["song_data", "log_data", "log_json_path.json"];

    public static async Task<SampleUploadResult> EnsureAsync(IAmazonS3 s3, string bucket, string region, string sample, CancellationToken ct)
    {
        sample = Path.GetFullPath(sample);
        if (!File.Exists(Path.Combine(sample, "log_json_path.json")) || !Directory.Exists(Path.Combine(sample, "log_data")) ||
            !Directory.Exists(Path.Combine(sample, "song_data")))
            throw new PipelineException($"{sample} is not a sample in the public layout (log_data/, song_data/, log_json_path.json); " +
                                        "pass --sample=DIR such as ../shared/data/sparkify");
        await EnsureBucketAsync(s3, bucket, region, ct);
        var existing = await ExistingAsync(s3, bucket, ct);
        var files = Parts.SelectMany(p => Directory.Exists(Path.Combine(sample, p))
                ? Directory.EnumerateFiles(Path.Combine(sample, p), "*", SearchOption.AllDirectories)
                : [Path.Combine(sample, p)])
            .Select(path => (Path: path, Key: Path.GetRelativePath(sample, path).Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
        var missing = files.Where(f => !existing.TryGetValue(f.Key, out var size) || size != new FileInfo(f.Path).Length).ToList();
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (f, token) =>
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = f.Key, FilePath = f.Path }, token));
        var wanted = files.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var stale = existing.Keys.Where(k => Parts.Any(p => k.StartsWith(p, StringComparison.Ordinal)) && !wanted.Contains(k)).ToList();
        foreach (var chunk in stale.Chunk(1000))
            await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = chunk.Select(k => new KeyVersion { Key = k }).ToList() }, ct);
        return new SampleUploadResult(missing.Count, files.Count - missing.Count, stale.Count);
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

    static async Task<Dictionary<string, long>> ExistingAsync(IAmazonS3 s3, string bucket, CancellationToken ct)
    {
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, ct);
            foreach (var o in page.S3Objects ?? []) keys[o.Key] = o.Size ?? 0;
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        return keys;
    }
}

/// What an upload did: objects put, objects already there with the same size, objects of another sample removed.
public sealed record SampleUploadResult(int Uploaded, int Kept, int Removed);
