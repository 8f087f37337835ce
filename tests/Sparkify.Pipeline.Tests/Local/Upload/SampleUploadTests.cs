using Amazon.S3;
using Amazon.S3.Model;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Local.Upload;

/// <summary>
/// The local profile's sample upload on a real moto: content decides what is put (issue 11, item 2), only keys it
/// put are removed, and the loader reads an uploaded file only while the bucket holds the same bytes (issue 13, item 5).
/// </summary>
[NonParallelizable]
public class SampleUploadTests
{
    const string Region = MotoBucket.Region;
    const string Day = TinySample.Day;

    static string Event(string user, string level, long ts) => TinySample.Event(user, level, ts);

    static SourceDir Sample(string level = "free") => TinySample.Create(TinySample.TwoEvents(level));

    /// The sample and a second song, which a later sample without it leaves behind.
    static SourceDir SampleWithASecondSong()
    {
        var sample = Sample();
        sample.Write("song_data/B/B/B/TRBBBBB128F429D538.json", """{"num_songs": 1, "song_id": "S2", "title": "u", "duration": 2.5, "year": 0}""");
        return sample;
    }

    static async Task<(AwsContext Aws, string Bucket)> MotoAsync()
    {
        var aws = AwsContext.ForMoto(await MotoFixture.EndpointAsync(), Region);
        return (aws, $"u-{Guid.NewGuid():N}"[..20]);
    }

    static async Task<string> BodyAsync(IAmazonS3 s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    static async Task<List<string>> KeysAsync(IAmazonS3 s3, string bucket) =>
        (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Select(o => o.Key).ToList();

    [TestCase(true)]
    [TestCase(false)]
    [Description("issue 11 item 2: an edit that keeps the file's size was 'already there' and never uploaded")]
    public async Task An_edit_that_keeps_the_size_is_uploaded_again_in_bulk_or_by_put(bool bulk)
    {
        using var sample = Sample();
        var (aws, bucket) = await MotoAsync();
        using var s3 = aws.S3();
        var first = await SampleUpload.EnsureAsync(s3, bucket, Region, sample.Root, bulk, CancellationToken.None);
        var before = new FileInfo(sample.Path(Day)).Length;

        sample.Write(Day, TinySample.TwoEvents("paid"));
        var second = await SampleUpload.EnsureAsync(s3, bucket, Region, sample.Root, bulk, CancellationToken.None);

        Assert.That(new FileInfo(sample.Path(Day)).Length, Is.EqualTo(before), "the edit keeps the size");
        Assert.That((first.Uploaded, first.Kept, first.InBulk, second.InBulk), Is.EqualTo((3, 0, bulk, bulk)));
        Assert.That((second.Uploaded, second.Kept, second.Removed), Is.EqualTo((1, 2, 0)));
        Assert.That(await BodyAsync(s3, bucket, Day), Does.Contain("\"level\": \"paid\""));
    }

    [Test]
    public async Task Another_sample_removes_only_the_objects_the_upload_put_there()
    {
        using var first = SampleWithASecondSong();
        using var second = Sample("paid");
        var (aws, bucket) = await MotoAsync();
        using var s3 = aws.S3();
        await SampleUpload.EnsureAsync(s3, bucket, Region, first.Root, CancellationToken.None);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "song_data/Z/mine.json", ContentBody = "{}" });

        var result = await SampleUpload.EnsureAsync(s3, bucket, Region, second.Root, CancellationToken.None);

        Assert.That((result.Uploaded, result.Kept, result.Removed, result.Foreign), Is.EqualTo((1, 2, 1, 1)));
        Assert.That(await KeysAsync(s3, bucket), Does.Not.Contain("song_data/B/B/B/TRBBBBB128F429D538.json")
            .And.Contain("song_data/Z/mine.json").And.Contain("song_data/A/A/A/TRAAAAW128F429D538.json"));
    }

    [Test]
    public async Task The_loader_reads_identical_uploaded_files_and_fetches_an_object_that_changed_in_the_bucket()
    {
        using var sample = Sample();
        var (aws, bucket) = await MotoAsync();
        using var s3 = aws.S3();
        var upload = await SampleUpload.EnsureAsync(s3, bucket, Region, sample.Root, CancellationToken.None);
        // The bucket, not the file, is the source: an object replaced there must load as the bucket has it.
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = Day, ContentBody = Event("9", "paid", 1541105830799) + "\n" });
        var db = await WithStagingTablesAsync();
        var copies = CopiesFrom(bucket);

        var events = await ClientCopy.RunAsync(db, copies[0], Context(aws) with { Mirror = upload.Mirror }, CancellationToken.None);
        var songs = await ClientCopy.RunAsync(db, copies[1], Context(aws) with { Mirror = upload.Mirror }, CancellationToken.None);

        Assert.That((events.Rows, songs.Rows), Is.EqualTo((1L, 1L)));
        Assert.That(await ScalarAsync(db, "select user_id || ':' || level from staging_events"), Is.EqualTo("9:paid"));
        // Read from the files: the JSONPaths file and the song; fetched: the replaced day.
        Assert.That((upload.Mirror.ReadLocally, upload.Mirror.ReadFromS3), Is.EqualTo((2L, 1L)));
    }

    [Test]
    public async Task A_file_edited_after_the_upload_is_not_read_in_place_of_the_object()
    {
        using var sample = Sample();
        var (aws, bucket) = await MotoAsync();
        using var s3 = aws.S3();
        var upload = await SampleUpload.EnsureAsync(s3, bucket, Region, sample.Root, CancellationToken.None);
        sample.Write(Day, Event("8", "free", 1541105830796) + "\n");
        var db = await WithStagingTablesAsync();
        var copies = CopiesFrom(bucket);

        var events = await ClientCopy.RunAsync(db, copies[0], Context(aws) with { Mirror = upload.Mirror }, CancellationToken.None);

        Assert.That(events.Rows, Is.EqualTo(2), "the bucket's two events, not the edited file's one");
        Assert.That(upload.Mirror.ReadFromS3, Is.EqualTo(1));
    }

    [Test]
    [Description("issue 13 point 5: one listing per run; the upload's listing is the bucket as the upload left it")]
    public async Task The_upload_listing_is_the_bucket_as_the_upload_left_it()
    {
        using var first = SampleWithASecondSong();
        using var second = Sample("paid");
        var (aws, bucket) = await MotoAsync();
        using var s3 = aws.S3();
        await SampleUpload.EnsureAsync(s3, bucket, Region, first.Root, CancellationToken.None);

        // Puts one changed day, removes one song of the first sample: the listing taken before must not be the one kept.
        var upload = await SampleUpload.EnsureAsync(s3, bucket, Region, second.Root, CancellationToken.None);

        var fresh = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket })).S3Objects.Select(o => (o.Key, o.ETag)).ToList();
        Assert.That((upload.Uploaded, upload.Removed), Is.EqualTo((1, 1)));
        Assert.That(upload.Listing!.Under("").Select(o => (o.Key, o.ETag)), Is.EqualTo(fresh));
    }

    [Test]
    [Description("issue 13 point 5: the loads take their prefixes from the run's one listing instead of listing again")]
    public async Task Loads_given_the_upload_listing_do_not_list_the_bucket_again()
    {
        using var sample = Sample();
        var (aws, bucket) = await MotoAsync();
        using var s3 = aws.S3();
        var upload = await SampleUpload.EnsureAsync(s3, bucket, Region, sample.Root, CancellationToken.None);
        // A day put after the run's listing: a load listing S3 sees it, a load given the listing does not.
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "log_data/2018/11/2018-11-02-events.json",
            ContentBody = Event("9", "paid", 1541105830799) + "\n" });
        var db = await WithStagingTablesAsync();
        var copy = CopiesFrom(bucket)[0];

        var listedOnce = await ClientCopy.RunAsync(db, copy, Context(aws) with { Mirror = upload.Mirror, Listing = upload.Listing }, CancellationToken.None);
        var listedAgain = await ClientCopy.RunAsync(db, copy, Context(aws) with { Mirror = upload.Mirror }, CancellationToken.None);

        Assert.That((listedOnce.ObjectsListed, listedOnce.Rows), Is.EqualTo((1, 2L)));
        Assert.That((listedAgain.ObjectsListed, listedAgain.Rows), Is.EqualTo((2, 3L)));
    }
}
