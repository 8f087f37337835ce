using System.Collections.Concurrent;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Sparkify.Pipeline.Loading.Sources;

/// <summary>
/// One bucket through AWSSDK.S3: AWS itself or any endpoint that speaks S3 (moto). Existence always asks the bucket;
/// listing asks it too, unless given a listing of it the caller holds (<see cref="IBucketListing"/>). With a
/// <see cref="IBucketMirror"/> of it, an object whose listed ETag says a local copy holds its bytes is read from that
/// copy (the local profile's own upload); every other object is fetched.
/// </summary>
public sealed class S3ObjectStore(IAmazonS3 client, string bucket, IBucketMirror? mirror = null) : ObjectStore
{
    readonly ConcurrentDictionary<string, string> _etags = new(StringComparer.Ordinal);

    public string Bucket { get; } = bucket;

    /// This run's listing of the bucket, when it has one: prefixes are then answered from it, not by S3 again.
    public IBucketListing? Listing { get; init; }

    public override async Task<IReadOnlyList<SourceObject>> ListAsync(string prefix, CancellationToken ct)
    {
        var found = new List<SourceObject>();
        if (Listing is not null)
        {
            foreach (var o in Listing.Under(prefix))
                if (!o.Key.EndsWith('/'))
                {
                    found.Add(new SourceObject(this, o.Key, o.Size));
                    _etags[o.Key] = o.ETag;
                }
            return found;
        }
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        await Guard($"cannot list {Describe(prefix)}", async () =>
        {
            ListObjectsV2Response page;
            do
            {
                page = await client.ListObjectsV2Async(request, ct);
                // AWSSDK v4 returns null, not an empty list, when a page has no objects.
                foreach (var o in page.S3Objects ?? [])
                    if (!o.Key.EndsWith('/'))
                    {
                        found.Add(new SourceObject(this, o.Key, o.Size ?? 0));
                        if (o.ETag is { } etag) _etags[o.Key] = etag;
                    }
                request.ContinuationToken = page.NextContinuationToken;
            } while (page.IsTruncated == true);
            return 0;
        });
        found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return found;
    }

    public override async Task<long?> SizeAsync(string key, CancellationToken ct)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(Bucket, key, ct);
            if (head.ETag is { } etag) _etags[key] = etag;
            return head.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException)
        {
            throw new PipelineException($"cannot read {Describe(key)}: {Reason(e)}");
        }
    }

    public override Task<Stream> OpenAsync(string key, CancellationToken ct)
    {
        if (mirror is not null)
        {
            if (mirror.TryOpen(key, _etags.GetValueOrDefault(key)) is { } local) return Task.FromResult(local);
            mirror.CountFetched();
        }
        return Guard($"cannot read {Describe(key)}", async () => (await client.GetObjectAsync(Bucket, key, ct)).ResponseStream);
    }

    public override string Describe(string key) => $"s3://{Bucket}/{key}";

    public override string? ETagOf(string key) => _etags.GetValueOrDefault(key);

    public override bool SameAs(ObjectStore other) => other is S3ObjectStore s3 && s3.Bucket == Bucket;

    public override void Dispose() => client.Dispose();

    static async Task<T> Guard<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException)
        {
            throw new PipelineException($"{what}: {Reason(e)}; check the bucket name, [S3] region and the endpoint");
        }
    }

    static string Reason(Exception e) => e is AmazonServiceException { ErrorCode: { Length: > 0 } code } ? $"{code}: {e.Message}" : e.Message;
}
