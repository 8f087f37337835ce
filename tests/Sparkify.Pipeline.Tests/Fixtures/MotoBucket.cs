using Amazon.S3.Model;
using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// A bucket of its own on the shared moto, in the region the loading tests use, and the context that reaches it.
public sealed record MotoBucket(AwsContext Aws, string Name)
{
    public const string Region = "us-west-2";

    /// A new bucket (by default under a fresh unique name) holding <paramref name="objects"/>, key to body.
    public static async Task<MotoBucket> CreateAsync(string? name = null, IReadOnlyDictionary<string, string>? objects = null)
    {
        var bucket = new MotoBucket(AwsContext.ForMoto(await MotoFixture.EndpointAsync(), Region), name ?? $"u-{Guid.NewGuid():N}"[..20]);
        using (var s3 = bucket.Aws.S3())
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket.Name, BucketRegionName = Region });
        foreach (var (key, body) in objects ?? new Dictionary<string, string>()) await bucket.PutAsync(key, body);
        return bucket;
    }

    public async Task PutAsync(string key, string body)
    {
        using var s3 = Aws.S3();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, ContentBody = body });
    }

    public async Task DeleteAsync(string key)
    {
        using var s3 = Aws.S3();
        await s3.DeleteObjectAsync(Name, key);
    }
}
