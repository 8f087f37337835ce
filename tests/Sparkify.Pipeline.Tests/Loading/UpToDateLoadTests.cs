using Amazon.S3.Model;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// Issue 13: a rerun skips a staging load only when the objects (keys, sizes, ETags), the JSONPaths file, the options,
/// the window and the table are what its last successful load recorded; anything else reloads.
[NonParallelizable]
public class UpToDateLoadTests
{
    const string Region = MotoBucket.Region;

    static string Song(int n) =>
        $$"""{"num_songs": 1, "artist_id": "AR{{n}}", "artist_latitude": null, "artist_longitude": null, "artist_location": "", "artist_name": "Artist {{n}}", "song_id": "SO{{n}}", "title": "Song {{n}}", "duration": {{100 + n}}.5, "year": 2000}""";

    static string Event(int n, string day) =>
        $$"""{"artist": "Artist {{n}}", "auth": "Logged In", "firstName": "Ann", "gender": "F", "itemInSession": {{n}}, "lastName": "Lee", "length": 100.5, "level": "free", "location": "Here", "method": "PUT", "page": "NextSong", "registration": 1540919166796.0, "sessionId": 1, "song": "Song {{n}}", "status": 200, "ts": {{1541030400000 + n}}, "userAgent": "agent", "userId": "7"}""";

    const string JsonPaths = """{"jsonpaths": ["$['artist']", "$['auth']", "$['firstName']", "$['gender']", "$['itemInSession']", "$['lastName']", "$['length']", "$['level']", "$['location']", "$['method']", "$['page']", "$['registration']", "$['sessionId']", "$['song']", "$['status']", "$['ts']", "$['userAgent']", "$['userId']"]}""";

    static async Task<MotoBucket> SampleAsync()
    {
        var bucket = await MotoBucket.CreateAsync();
        for (var n = 1; n <= 3; n++) await bucket.PutAsync($"song_data/A/SO{n}.json", Song(n));
        await bucket.PutAsync("log_data/2018/11/2018-11-01-events.json", Event(1, "01") + "\n" + Event(2, "01"));
        await bucket.PutAsync("log_data/2018/11/2018-11-02-events.json", Event(3, "02"));
        await bucket.PutAsync("log_json_path.json", JsonPaths);
        return bucket;
    }

    static LoadContext Checked(MotoBucket bucket, string runId) => Context(bucket.Aws) with { RunId = runId, SkipUpToDate = true };

    static Task<LoadResult> LoadAsync(Sparkify.Pipeline.Warehouse.WarehouseEndpoint db, MotoBucket bucket, string runId, int table = 1,
        CopyOptions? options = null, DateWindow? window = null) =>
        ClientCopy.RunAsync(db, StagingCopies.Under($"s3://{bucket.Name}", options ?? Options() with { Region = Region }, window)[table],
            Checked(bucket, runId), CancellationToken.None);

    [Test]
    public async Task An_unchanged_load_is_skipped_and_shows_the_figures_of_the_load_it_kept()
    {
        var bucket = await SampleAsync();
        var db = await WithStagingTablesAsync();
        var first = await LoadAsync(db, bucket, "first");

        var second = await LoadAsync(db, bucket, "second");

        Assert.That(first.UpToDateSince, Is.Null);
        Assert.That(second.UpToDateSince, Is.EqualTo("first"));
        Assert.That((second.Rows, second.ObjectsListed, second.Bytes, second.Rejected), Is.EqualTo((first.Rows, first.ObjectsListed, first.Bytes, first.Rejected)));
        Assert.That(await CountAsync(db, "staging_songs"), Is.EqualTo(3));
    }

    [TestCase("changed", 3L)]
    [TestCase("added", 4L)]
    [TestCase("removed", 2L)]
    public async Task A_changed_added_or_removed_object_is_reloaded(string change, long rows)
    {
        var bucket = await SampleAsync();
        var db = await WithStagingTablesAsync();
        await LoadAsync(db, bucket, "first");
        switch (change)
        {
            case "changed": await bucket.PutAsync("song_data/A/SO2.json", Song(2).Replace("Song 2", "Song 9")); break;
            case "added": await bucket.PutAsync("song_data/A/SO4.json", Song(4)); break;
            default: await bucket.DeleteAsync("song_data/A/SO3.json"); break;
        }

        var second = await LoadAsync(db, bucket, "second");

        Assert.That(second.UpToDateSince, Is.Null);
        Assert.That(await CountAsync(db, "staging_songs"), Is.EqualTo(rows));
        if (change == "changed")
            Assert.That(await ScalarAsync(db, "select title from staging_songs where song_id = 'SO2'"), Is.EqualTo("Song 9"));
    }

    [Test]
    public async Task A_table_written_since_its_load_is_reloaded_whoever_wrote_it()
    {
        var bucket = await SampleAsync();
        var db = await WithStagingTablesAsync();
        await LoadAsync(db, bucket, "first");
        await ExecuteAsync(db, "delete from staging_songs where song_id = 'SO1'");

        var second = await LoadAsync(db, bucket, "second");

        Assert.That(second.UpToDateSince, Is.Null);
        Assert.That(await CountAsync(db, "staging_songs"), Is.EqualTo(3));
    }

    [Test]
    public async Task Other_options_another_window_or_an_edited_jsonpaths_file_reload()
    {
        var bucket = await SampleAsync();
        var db = await WithStagingTablesAsync();
        Assert.That((await LoadAsync(db, bucket, "first", table: 0)).Rows, Is.EqualTo(3));
        Assert.That((await LoadAsync(db, bucket, "same", table: 0)).UpToDateSince, Is.EqualTo("first"));

        var options = await LoadAsync(db, bucket, "options", table: 0, options: Options() with { Region = Region, MaxError = 5 });
        var window = await LoadAsync(db, bucket, "window", table: 0, window: new DateWindow(new DateOnly(2018, 11, 2), new DateOnly(2018, 11, 2)));
        await bucket.PutAsync("log_json_path.json", JsonPaths.Replace(", ", ","));
        var paths = await LoadAsync(db, bucket, "paths", table: 0);

        Assert.That((options.UpToDateSince, window.UpToDateSince, paths.UpToDateSince), Is.EqualTo(((string?)null, (string?)null, (string?)null)));
        Assert.That((window.Rows, paths.Rows), Is.EqualTo((1L, 3L)));
        Assert.That(await ScalarAsync(db, "select count(*) from staging_scope"), Is.EqualTo(0L), "no BeforeCommit here: staging_scope untouched");
    }

    [Test]
    public async Task A_failed_load_leaves_the_last_good_load_and_the_next_run_retries_the_object_that_failed()
    {
        var bucket = await SampleAsync();
        var db = await WithStagingTablesAsync();
        await LoadAsync(db, bucket, "good");
        await bucket.PutAsync("song_data/A/SO2.json", "{ not json");

        Assert.That(async () => await LoadAsync(db, bucket, "bad"), Throws.InstanceOf<PipelineException>());
        await bucket.PutAsync("song_data/A/SO2.json", Song(2));
        var after = await LoadAsync(db, bucket, "after");

        Assert.That(after.UpToDateSince, Is.Null, "issue 27: the object that failed is retried, though its bytes are the good load's again");
        Assert.That(after.Counts, Is.EqualTo(new Sparkify.Pipeline.Loading.Ledger.ObjectCounts(0, 1, 0, 2, 0)));
        Assert.That(await ScalarAsync(db, "select string_agg(song_id, ',' order by song_id) from staging_songs"), Is.EqualTo("SO1,SO2,SO3"));
    }

    [Test]
    public async Task Without_the_check_a_load_always_runs()
    {
        var bucket = await SampleAsync();
        var db = await WithStagingTablesAsync();
        var copy = CopiesFrom(bucket.Name)[1];
        await ClientCopy.RunAsync(db, copy, Context(bucket.Aws), CancellationToken.None);

        var second = await ClientCopy.RunAsync(db, copy, Context(bucket.Aws), CancellationToken.None);

        Assert.That(second.UpToDateSince, Is.Null);
        Assert.That(second.Phases, Is.Not.Null, "it loaded");
    }
}
