using Amazon.S3.Model;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Tests.Local.Upload;

/// <summary>
/// moto_serve.py's list route (issue 13, item 5: ListObjectsV2 took 5-7 s for 10,101 keys) must list what
/// ListObjectsV2 lists through every page: the same keys in the same order, sizes and ETags.
/// </summary>
[NonParallelizable]
public class MotoBulkListTests
{
    const string Region = "us-west-2";

    [Test]
    [Description("issue 13 item 5: the one-request listing is the paged S3 listing")]
    public async Task The_list_route_lists_what_ListObjectsV2_lists_page_by_page()
    {
        using var dir = new SourceDir();
        var keys = Enumerable.Range(0, 1_050).Select(i => $"song_data/{(char)('A' + i % 26)}/TR{i:0000}.json")
            .Concat(["song data/a+b c.json", "log_data/ünï/ß%20.json", "log_json_path.json", "empty.json"]).ToList();
        var files = keys.Select((k, i) => new SampleFile(dir.Write($"f/{i}", k == "empty.json" ? "" : $"{{\"k\": \"{k}\"}}"), k)).ToList();
        var endpoint = await MotoFixture.EndpointAsync();
        using var s3 = AwsContext.ForMoto(endpoint, Region).S3();
        var bucket = $"b-{Guid.NewGuid():N}"[..20];
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegionName = Region });
        Assert.That(await MotoBulkPut.TryPutAsync(endpoint, bucket, files, CancellationToken.None), Has.Count.EqualTo(keys.Count));
        await s3.DeleteObjectAsync(bucket, "song_data/A/TR0000.json");

        var bulk = await MotoBulkList.TryListAsync(endpoint, bucket, CancellationToken.None);
        var paged = await BucketListing.ListAsync(s3, bucket, CancellationToken.None);

        Assert.That(paged.Count, Is.EqualTo(keys.Count - 1), "more than one page of 1,000");
        Assert.That(bulk!.Under("").Select(o => (o.Key, o.Size, o.ETag)), Is.EqualTo(paged.Under("").Select(o => (o.Key, o.Size, o.ETag))));
    }

    [Test]
    public async Task The_list_route_answers_nothing_for_a_missing_bucket_so_that_S3_reports_it()
    {
        var listing = await MotoBulkList.TryListAsync(await MotoFixture.EndpointAsync(), "no-such-bucket-here", CancellationToken.None);

        Assert.That(listing, Is.Null);
    }
}
