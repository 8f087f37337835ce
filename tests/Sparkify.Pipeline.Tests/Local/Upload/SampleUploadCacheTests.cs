using System.Security.Cryptography;
using Amazon.S3;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Tests.Loading;
using static Sparkify.Pipeline.Tests.Loading.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Local.Upload;

/// <summary>
/// The sample upload's MD5 cache and its cold path on a real moto (issue 13, item 5): a warm upload hashes nothing,
/// yet an edit that keeps the file's size is still uploaded and loaded; a cache that does not check out is ignored;
/// a file put without being hashed is mirrored with the MD5 of its bytes.
/// </summary>
[NonParallelizable]
public class SampleUploadCacheTests
{
    const string Region = "us-west-2";
    const string Day = "log_data/2018/11/2018-11-01-events.json";
    static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    static string Event(string level) =>
        $$"""{"artist": "A", "auth": "Logged In", "firstName": "F", "gender": "F", "itemInSession": 0, "lastName": "L", "length": 1.5, "level": "{{level}}", "location": "X", "method": "PUT", "page": "NextSong", "registration": 1540000000000, "sessionId": 1, "song": "S", "status": 200, "ts": 1541105830796, "userAgent": "U", "userId": "7"}""" + "\n";

    /// A sample of three files, left alone past the settle window so that the cache may remember them.
    static SourceDir SettledSample()
    {
        var sample = new SourceDir();
        sample.Write(Day, Event("free"));
        sample.Write("song_data/A/A/A/TRAAAAW128F429D538.json", """{"num_songs": 1, "song_id": "S1", "title": "t", "duration": 1.5, "year": 0}""");
        File.Copy(Path.Combine(Repo.Root, "jsonpaths", "log_json_path.json"), sample.Path("log_json_path.json"));
        Thread.Sleep(Settle * 2);
        return sample;
    }

    static async Task<(AwsContext Aws, IAmazonS3 S3, string Bucket)> MotoAsync()
    {
        var aws = AwsContext.ForMoto(await MotoFixture.EndpointAsync(), Region);
        return (aws, aws.S3(), $"c-{Guid.NewGuid():N}"[..20]);
    }

    static Task<SampleUploadResult> UploadAsync(IAmazonS3 s3, string bucket, SourceDir sample, string cache, bool bulk = true) =>
        SampleUpload.EnsureAsync(s3, bucket, Region, sample.Root, bulk, Md5Cache.At(cache, Settle), CancellationToken.None);

    static async Task<string?> LoadedLevelAsync(AwsContext aws, string bucket, SampleUploadResult upload)
    {
        var db = await WithStagingTablesAsync();
        var copy = StagingCopies.Under($"s3://{bucket}", Options() with { Region = Region })[0];
        await ClientCopy.RunAsync(db, copy, Context(aws) with { Mirror = upload.Mirror, Listing = upload.Listing }, CancellationToken.None);
        return (string?)await ScalarAsync(db, "select string_agg(level, ',') from staging_events");
    }

    [Test]
    [Description("issue 13 item 5: with the MD5s cached, an edit that keeps the size must still be uploaded and loaded")]
    public async Task An_edit_that_keeps_the_size_is_uploaded_and_loaded_while_the_cache_is_warm()
    {
        using var sample = SettledSample();
        using var folder = new TempDir("md5");
        var cache = Path.Combine(folder.Path, Md5Cache.FileName);
        var (aws, s3, bucket) = await MotoAsync();
        using var _ = s3;
        await UploadAsync(s3, bucket, sample, cache);
        var warm = await UploadAsync(s3, bucket, sample, cache);
        var size = new FileInfo(sample.Path(Day)).Length;

        sample.Write(Day, Event("paid"));
        var edited = await UploadAsync(s3, bucket, sample, cache);

        Assert.That(new FileInfo(sample.Path(Day)).Length, Is.EqualTo(size), "the edit keeps the size");
        Assert.That((warm.Uploaded, warm.Hashed, warm.FromCache), Is.EqualTo((0, 0, 3)), "the warm upload hashes nothing");
        Assert.That((edited.Uploaded, edited.Hashed, edited.FromCache), Is.EqualTo((1, 1, 2)));
        Assert.That(await LoadedLevelAsync(aws, bucket, edited), Is.EqualTo("paid"));
        Assert.That(edited.Mirror.ReadLocally, Is.EqualTo(2), "the edited day and the JSONPaths file, read in place");
    }

    [Test]
    [Description("issue 13 item 5: a write in the same clock tick as the hash leaves mtime and ctime as they were")]
    public async Task A_file_written_within_the_settle_window_is_not_remembered()
    {
        using var sample = SettledSample();
        using var folder = new TempDir("md5");
        var cache = Path.Combine(folder.Path, Md5Cache.FileName);
        var (_, s3, bucket) = await MotoAsync();
        using var _ = s3;
        sample.Write(Day, Event("paid"));

        await UploadAsync(s3, bucket, sample, cache);
        var second = await UploadAsync(s3, bucket, sample, cache);

        Assert.That((second.Uploaded, second.Hashed, second.FromCache), Is.EqualTo((0, 1, 2)));
    }

    [TestCase("a stamp forged for the edited file")]
    [TestCase("cut short")]
    [TestCase("not a cache")]
    [Description("issue 13 item 5: a stale or corrupt cache is ignored, never trusted")]
    public async Task A_cache_that_does_not_check_out_is_ignored_and_the_edit_still_loads(string damage)
    {
        using var sample = SettledSample();
        using var folder = new TempDir("md5");
        var cache = Path.Combine(folder.Path, Md5Cache.FileName);
        var (aws, s3, bucket) = await MotoAsync();
        using var _ = s3;
        await UploadAsync(s3, bucket, sample, cache);
        sample.Write(Day, Event("paid"));
        var stamp = FileIdentity.Of(sample.Path(Day))!.Value;
        var text = File.ReadAllText(cache);
        // The forgery gives the edited file's new stamp to its old MD5: trusted, the edit would be skipped.
        var line = text.Split('\n').Single(l => l.EndsWith(sample.Path(Day), StringComparison.Ordinal));
        var forged = $"{line.Split('\t')[0]}\t{stamp.Device}\t{stamp.Inode}\t{stamp.Size}\t{stamp.ModifiedNs}\t{stamp.ChangedNs}\t{sample.Path(Day)}";
        File.WriteAllText(cache, damage switch
        {
            "cut short" => text[..(text.Length / 2)],
            "not a cache" => "\u0000\u00ff garbage\n",
            _ => text.Replace(line, forged),
        });

        var result = await UploadAsync(s3, bucket, sample, cache);

        Assert.That((result.CacheIgnored, result.FromCache, result.Hashed, result.Uploaded), Is.EqualTo((true, 0, 3, 1)));
        Assert.That(await LoadedLevelAsync(aws, bucket, result), Is.EqualTo("paid"));
        Assert.That((await UploadAsync(s3, bucket, sample, cache)).FromCache, Is.EqualTo(2), "a good cache again, of the two settled files");
    }

    [TestCase(true)]
    [TestCase(false)]
    [Description("issue 13 item 5: files put into an empty bucket are not hashed first; the mirror takes each object's ETag")]
    public async Task A_cold_upload_hashes_nothing_and_mirrors_each_file_with_the_md5_of_its_bytes(bool bulk)
    {
        using var sample = SettledSample();
        using var folder = new TempDir("md5");
        var (aws, s3, bucket) = await MotoAsync();
        using var _ = s3;

        var cold = await UploadAsync(s3, bucket, sample, Path.Combine(folder.Path, Md5Cache.FileName), bulk);

        Assert.That((cold.Uploaded, cold.Hashed, cold.InBulk), Is.EqualTo((3, 0, bulk)));
        foreach (var key in new[] { Day, "song_data/A/A/A/TRAAAAW128F429D538.json", "log_json_path.json" })
        {
            Assert.That(cold.Mirror.TryGet(key, out var file), Is.True, key);
            Assert.That(file.Md5, Is.EqualTo(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(sample.Path(key))))), key);
        }
        Assert.That(await LoadedLevelAsync(aws, bucket, cold), Is.EqualTo("free"));
        Assert.That((cold.Mirror.ReadLocally, cold.Mirror.ReadFromS3), Is.EqualTo((2L, 0L)));
    }

    [Test]
    public async Task A_cold_upload_writes_an_owner_only_cache_of_every_settled_file()
    {
        using var sample = SettledSample();
        using var folder = new TempDir("md5");
        var cache = Path.Combine(folder.Path, Md5Cache.FileName);
        var (_, s3, bucket) = await MotoAsync();
        using var _ = s3;

        await UploadAsync(s3, bucket, sample, cache);
        var lines = File.ReadAllLines(cache);

        Assert.That(lines.First(), Is.EqualTo("sparkify-md5-cache 1"));
        Assert.That(lines.Length, Is.EqualTo(5), "header, three files, checksum");
        Assert.That(File.GetUnixFileMode(cache), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }
}
