using System.Security.Cryptography;
using Amazon.S3;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Local.Upload;

/// <summary>
/// The sample upload's MD5 cache and its cold path on a real moto (issue 13, item 5): a warm upload hashes nothing,
/// yet an edit that keeps the file's size is still uploaded and loaded; a cache that does not check out is ignored;
/// a file put without being hashed is mirrored with the MD5 of its bytes.
/// </summary>
[NonParallelizable]
public class SampleUploadCacheTests
{
    const string Region = MotoBucket.Region;
    const string Day = TinySample.Day;
    static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    static string Event(string level) => TinySample.Event("7", level, 1541105830796) + "\n";

    /// A sample of three files, left alone past the settle window so that the cache may remember them.
    static SourceDir SettledSample()
    {
        var sample = TinySample.Create(Event("free"));
        Thread.Sleep(Settle * 2);
        return sample;
    }

    // Each test: a settled sample, an empty folder for the MD5 cache, and a fresh bucket name on the shared moto.
    SourceDir _sample = null!;
    TempDir _folder = null!;
    string _cache = "";
    AwsContext _aws = null!;
    IAmazonS3 _s3 = null!;
    string _bucket = "";

    [SetUp]
    public async Task SettledSampleEmptyCacheAndBucket()
    {
        _sample = SettledSample();
        _folder = new TempDir("md5");
        _cache = Path.Combine(_folder.Path, Md5Cache.FileName);
        _aws = AwsContext.ForMoto(await MotoFixture.EndpointAsync(), Region);
        _s3 = _aws.S3();
        _bucket = $"c-{Guid.NewGuid():N}"[..20];
    }

    [TearDown]
    public void Release()
    {
        _s3.Dispose();
        _folder.Dispose();
        _sample.Dispose();
    }

    Task<SampleUploadResult> UploadAsync(bool bulk = true) =>
        SampleUpload.EnsureAsync(_s3, _bucket, Region, _sample.Root, bulk, Md5Cache.At(_cache, Settle), CancellationToken.None);

    async Task<string?> LoadedLevelAsync(SampleUploadResult upload)
    {
        var db = await WithStagingTablesAsync();
        var copy = CopiesFrom(_bucket)[0];
        await ClientCopy.RunAsync(db, copy, Context(_aws) with { Mirror = upload.Mirror, Listing = upload.Listing }, CancellationToken.None);
        return (string?)await ScalarAsync(db, "select string_agg(level, ',') from staging_events");
    }

    [Test]
    [Description("issue 13 item 5: with the MD5s cached, an edit that keeps the size must still be uploaded and loaded")]
    public async Task An_edit_that_keeps_the_size_is_uploaded_and_loaded_while_the_cache_is_warm()
    {
        await UploadAsync();
        var warm = await UploadAsync();
        var size = new FileInfo(_sample.Path(Day)).Length;

        _sample.Write(Day, Event("paid"));
        var edited = await UploadAsync();

        Assert.That(new FileInfo(_sample.Path(Day)).Length, Is.EqualTo(size), "the edit keeps the size");
        Assert.That((warm.Uploaded, warm.Hashed, warm.FromCache), Is.EqualTo((0, 0, 3)), "the warm upload hashes nothing");
        Assert.That((edited.Uploaded, edited.Hashed, edited.FromCache), Is.EqualTo((1, 1, 2)));
        Assert.That(await LoadedLevelAsync(edited), Is.EqualTo("paid"));
        Assert.That(edited.Mirror.ReadLocally, Is.EqualTo(2), "the edited day and the JSONPaths file, read in place");
    }

    [Test]
    [Description("issue 13 item 5: a write in the same clock tick as the hash leaves mtime and ctime as they were")]
    public async Task A_file_written_within_the_settle_window_is_not_remembered()
    {
        _sample.Write(Day, Event("paid"));

        await UploadAsync();
        var second = await UploadAsync();

        Assert.That((second.Uploaded, second.Hashed, second.FromCache), Is.EqualTo((0, 1, 2)));
    }

    [TestCase("a stamp forged for the edited file")]
    [TestCase("cut short")]
    [TestCase("not a cache")]
    [Description("issue 13 item 5: a stale or corrupt cache is ignored, never trusted")]
    public async Task A_cache_that_does_not_check_out_is_ignored_and_the_edit_still_loads(string damage)
    {
        await UploadAsync();
        _sample.Write(Day, Event("paid"));
        var stamp = FileIdentity.Of(_sample.Path(Day))!.Value;
        var text = File.ReadAllText(_cache);
        // The forgery gives the edited file's new stamp to its old MD5: trusted, the edit would be skipped.
        var line = text.Split('\n').Single(l => l.EndsWith(_sample.Path(Day), StringComparison.Ordinal));
        var forged = $"{line.Split('\t')[0]}\t{stamp.Device}\t{stamp.Inode}\t{stamp.Size}\t{stamp.ModifiedNs}\t{stamp.ChangedNs}\t{_sample.Path(Day)}";
        File.WriteAllText(_cache, damage switch
        {
            "cut short" => text[..(text.Length / 2)],
            "not a cache" => "\u0000\u00ff garbage\n",
            _ => text.Replace(line, forged),
        });

        var result = await UploadAsync();

        Assert.That((result.CacheIgnored, result.FromCache, result.Hashed, result.Uploaded), Is.EqualTo((true, 0, 3, 1)));
        Assert.That(await LoadedLevelAsync(result), Is.EqualTo("paid"));
        Assert.That((await UploadAsync()).FromCache, Is.EqualTo(2), "a good cache again, of the two settled files");
    }

    [TestCase(true)]
    [TestCase(false)]
    [Description("issue 13 item 5: files put into an empty bucket are not hashed first; the mirror takes each object's ETag")]
    public async Task A_cold_upload_hashes_nothing_and_mirrors_each_file_with_the_md5_of_its_bytes(bool bulk)
    {
        var cold = await UploadAsync(bulk);

        Assert.That((cold.Uploaded, cold.Hashed, cold.InBulk), Is.EqualTo((3, 0, bulk)));
        foreach (var key in new[] { Day, "song_data/A/A/A/TRAAAAW128F429D538.json", "log_json_path.json" })
        {
            Assert.That(cold.Mirror.TryGet(key, out var file), Is.True, key);
            Assert.That(file.Md5, Is.EqualTo(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(_sample.Path(key))))), key);
        }
        Assert.That(await LoadedLevelAsync(cold), Is.EqualTo("free"));
        Assert.That((cold.Mirror.ReadLocally, cold.Mirror.ReadFromS3), Is.EqualTo((2L, 0L)));
    }

    [Test]
    public async Task A_cold_upload_writes_an_owner_only_cache_of_every_settled_file()
    {
        await UploadAsync();
        var lines = File.ReadAllLines(_cache);

        Assert.That(lines.First(), Is.EqualTo("sparkify-md5-cache 1"));
        Assert.That(lines.Length, Is.EqualTo(5), "header, three files, checksum");
        Assert.That(File.GetUnixFileMode(_cache), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }
}
