using Amazon.S3.Model;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Tests.Local.Upload;

/// The run's one listing answers prefixes as S3 does: keys, not folders (issue 13 point 5).
[NonParallelizable]
public class BucketListingTests
{
    static readonly string[] Keys = ["a/1", "a/10", "a/2", "a/2/", "ab", "b", "log_data/2018/11/2018-11-01-events.json", "log_data/2018/11/2018-11-10-events.json"];

    [TestCase("", 8)]
    [TestCase("a", 5)]
    [TestCase("a/1", 2)]
    [TestCase("a/2", 2)]
    [TestCase("log_data/2018/11/2018-11-0", 1)]
    [TestCase("c", 0)]
    [TestCase("0", 0)]
    public async Task A_prefix_selects_the_same_keys_as_S3_lists_for_it(string prefix, int count)
    {
        var bucket = $"p-{Guid.NewGuid():N}"[..20];
        using var s3 = AwsContext.ForMoto(await MotoFixture.EndpointAsync(), "us-west-2").S3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegionName = "us-west-2" });
        foreach (var key in Keys.Reverse()) await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = key });
        var listing = await BucketListing.ListAsync(s3, bucket, CancellationToken.None);

        var fromS3 = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix })).S3Objects ?? [];

        Assert.That(listing.Under(prefix).Select(o => (o.Key, o.Size, o.ETag)), Is.EqualTo(fromS3.Select(o => (o.Key, o.Size ?? 0, o.ETag))));
        Assert.That(listing.Under(prefix), Has.Count.EqualTo(count));
    }
}
