using Amazon.S3.Model;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading.Sources;

/// The same COPY from a real (moto) S3 endpoint: key prefixes, the sample, and a bucket that is not there.
[NonParallelizable]
public class S3SourceTests
{
    const string Region = MotoBucket.Region;

    static async Task<AwsContext> BucketAsync(string bucket, IReadOnlyDictionary<string, string> objects) =>
        (await MotoBucket.CreateAsync(bucket, objects)).Aws;

    [Test]
    public async Task S3_prefix_matches_keys_not_folders_and_reads_the_jsonpaths_object_as_data()
    {
        var bucket = $"b-{Guid.NewGuid():N}"[..20];
        var objects = Enumerable.Range(1, 12).ToDictionary(d => $"log_data/2018/11/2018-11-{d:00}-events.json", d => $$"""{"K": "day{{d}}"}""");
        objects["log_data/2018/11/2018-11-0paths.json"] = """{"jsonpaths": ["$['K']"]}""";
        var aws = await BucketAsync(bucket, objects);
        var db = await WithTableAsync("create table t (k varchar(16))");
        var options = Options(CopyFormat.JsonPaths($"s3://{bucket}/log_data/2018/11/2018-11-0paths.json")) with { Region = Region };

        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", $"s3://{bucket}/log_data/2018/11/2018-11-0", options), Context(aws), CancellationToken.None);

        // Redshift reads a JSONPaths file under the data prefix as data ("JSONPaths file"): one more object, a row of NULL.
        Assert.That((result.Rows, result.ObjectsListed), Is.EqualTo((10L, 10)));
    }

    [Test]
    public async Task Sample_from_s3_loads_the_same_counts()
    {
        var bucket = $"s-{Guid.NewGuid():N}"[..20];
        var sample = Repo.RequireSampleData();
        var aws = await BucketAsync(bucket, new Dictionary<string, string>());
        using (var s3 = aws.S3())
            await SampleUpload.EnsureAsync(s3, bucket, Region, sample, CancellationToken.None);
        var db = await WithStagingTablesAsync();

        var copies = CopiesFrom(bucket);
        var events = await ClientCopy.RunAsync(db, copies[0], Context(aws), CancellationToken.None);
        var songs = await ClientCopy.RunAsync(db, copies[1], Context(aws), CancellationToken.None);

        Assert.That((events.Rows, events.ObjectsListed, events.Rejected, songs.Rows, songs.ObjectsListed), Is.EqualTo((8056L, 30, 0, 71L, 71)));
        using var again = aws.S3();
        var second = await SampleUpload.EnsureAsync(again, bucket, Region, sample, CancellationToken.None);
        Assert.That((second.Uploaded, second.Kept, second.Removed), Is.EqualTo((0, 102, 0)), "second upload skips what is there");
    }

    [Test]
    public async Task A_bucket_that_does_not_exist_is_a_clear_error_and_nothing_loads()
    {
        var aws = AwsContext.ForMoto(await MotoFixture.EndpointAsync(), Region);
        var db = await WithTableAsync("create table t (k varchar(16))");
        await ExecuteAsync(db, "insert into t values ('kept')");

        Assert.That(async () => await ClientCopy.RunAsync(db, new CopyCommand("t", "s3://no-such-bucket-here/log_data", Options()), Context(aws), CancellationToken.None),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("cannot list s3://no-such-bucket-here/log_data").And.Message.Contains("NoSuchBucket"));
        Assert.That(await CountAsync(db, "t"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_s3_source_without_an_aws_context_is_a_clear_error()
    {
        var db = await WithTableAsync("create table t (k varchar(16))");

        Assert.That(async () => await ClientCopy.RunAsync(db, new CopyCommand("t", "s3://some-bucket/x", Options()), Context(), CancellationToken.None),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("no AWS context"));
    }
}
