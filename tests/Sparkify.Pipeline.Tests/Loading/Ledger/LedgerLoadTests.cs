using Sparkify.Pipeline.Loading.Ledger;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;
using static Sparkify.Pipeline.Tests.Loading.Ledger.LedgerBucket;

namespace Sparkify.Pipeline.Tests.Loading.Ledger;

/// <summary>
/// Issue 27: a load reads only what changed, exactly once, on real moto and PostgreSQL. Each case loads a bucket,
/// changes it, loads again, and checks the exact object counts and that staging (rows without object_id, as a
/// multiset) equals a fresh load of the same objects, and that every row's object is in the ledger.
/// </summary>
[Description("issue 27: only what changed, exactly once")]
public class LedgerLoadTests
{
    static async Task<(LedgerBucket Bucket, Sparkify.Pipeline.Warehouse.WarehouseEndpoint Db)> LoadedAsync()
    {
        var bucket = await CreateAsync();
        var db = await WithStagingTablesAsync();
        var (events, songs) = await bucket.LoadAsync(db, "first");
        Assert.That((events.Counts, songs.Counts), Is.EqualTo((new ObjectCounts(3, 0, 0, 0, 0), new ObjectCounts(3, 0, 0, 0, 0))), "the first load adds all");
        return (bucket, db);
    }

    static async Task AssertEqualsFreshAsync(LedgerBucket bucket, Sparkify.Pipeline.Warehouse.WarehouseEndpoint db)
    {
        Assert.That(await StagingAsync(db), Is.EqualTo(await bucket.FreshStagingAsync()), "staging equals a fresh load of the same objects");
        foreach (var table in new[] { "staging_events", "staging_songs" })
            Assert.That(await LedgerAgreementAsync(db, table), Is.EqualTo((0L, 0L)), $"{table}: every row's object is in the ledger, counted");
    }

    [Test]
    public async Task A_rerun_over_unchanged_objects_writes_nothing_and_counts_them_unchanged()
    {
        var (bucket, db) = await LoadedAsync();
        var writes = await ScalarAsync(db, "select sum(writes) from etl_writes");

        var (events, songs) = await bucket.LoadAsync(db, "second");

        Assert.That((events.UpToDateSince, songs.UpToDateSince), Is.EqualTo(("first", "first")));
        Assert.That((events.Counts, songs.Counts), Is.EqualTo((new ObjectCounts(0, 0, 0, 3, 0), new ObjectCounts(0, 0, 0, 3, 0))));
        Assert.That(await ScalarAsync(db, "select sum(writes) from etl_writes"), Is.EqualTo(writes), "no statement wrote a staging table");
        Assert.That(await ScalarAsync(db, "select count(*) from load_ledger where run_id = 'second'"), Is.EqualTo(0L));
    }

    [Test]
    public async Task An_added_object_is_the_only_one_read()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.PutDayAsync(4, 3);

        var (events, songs) = await bucket.LoadAsync(db, "second");

        Assert.That(events.Counts, Is.EqualTo(new ObjectCounts(1, 0, 0, 3, 0)));
        Assert.That((events.Rows, events.Bytes), Is.EqualTo((3L, (long)(3 * Event(1, 4).Length + 2))), "only the new object was read");
        Assert.That(songs.UpToDateSince, Is.EqualTo("first"));
        Assert.That(await RowsAsync(db, "select object_key, change, day_from::text, day_to::text from staging_changes where run_id = 'second'"),
            Is.EqualTo(new[] { new object?[] { DayKey(4), "added", "2018-11-04", "2018-11-04" } }));
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task An_object_edited_to_the_same_size_is_replaced_not_appended()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.PutDayAsync(2, 2, user: "8");

        var (events, _) = await bucket.LoadAsync(db, "second");

        Assert.That(events.Counts, Is.EqualTo(new ObjectCounts(0, 1, 0, 2, 0)));
        Assert.That(await ScalarAsync(db, "select string_agg(distinct user_id, ',') from staging_events where session_id = 2"), Is.EqualTo("8"));
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task An_edit_that_moves_rows_to_another_day_tells_transform_both_days()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.PutDayAsync(2, 3, onDay: 5);

        var (events, _) = await bucket.LoadAsync(db, "second");

        Assert.That(events.Counts, Is.EqualTo(new ObjectCounts(0, 1, 0, 2, 0)));
        Assert.That(await RowsAsync(db, "select change, day_from::text, day_to::text from staging_changes where run_id = 'second'"),
            Is.EqualTo(new[] { new object?[] { "changed", "2018-11-02", "2018-11-05" } }), "the old rows' day and the new rows' day");
        Assert.That(await RowsAsync(db, $"select day_from::text, day_to::text, rows_loaded from load_ledger where object_key = '{DayKey(2)}'"),
            Is.EqualTo(new[] { new object?[] { "2018-11-05", "2018-11-05", 3L } }));
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task A_deleted_object_takes_its_rows_with_it()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.Bucket.DeleteAsync(DayKey(3));

        var (events, _) = await bucket.LoadAsync(db, "second");

        Assert.That(events.Counts, Is.EqualTo(new ObjectCounts(0, 0, 1, 2, 0)));
        Assert.That(await RowsAsync(db, "select object_key, change, day_from::text from staging_changes where run_id = 'second'"),
            Is.EqualTo(new[] { new object?[] { DayKey(3), "removed", "2018-11-03" } }));
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task A_renamed_object_is_a_removal_and_an_addition_without_duplicates()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.Bucket.DeleteAsync(SongKey(2));
        await bucket.Bucket.PutAsync("song_data/A/C/SO2-renamed.json", Song(2));

        var (_, songs) = await bucket.LoadAsync(db, "second");

        Assert.That(songs.Counts, Is.EqualTo(new ObjectCounts(1, 0, 1, 2, 0)));
        Assert.That(await ScalarAsync(db, "select count(*) from staging_songs where song_id = 'SO2'"), Is.EqualTo(1L));
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task Song_files_added_edited_and_deleted_in_one_run_are_each_counted_once()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.Bucket.PutAsync(SongKey(4), Song(4));
        await bucket.Bucket.PutAsync(SongKey(1), Song(1, title: "Retitled"));
        await bucket.Bucket.DeleteAsync(SongKey(3));

        var (events, songs) = await bucket.LoadAsync(db, "second");

        Assert.That(songs.Counts, Is.EqualTo(new ObjectCounts(1, 1, 1, 1, 0)));
        Assert.That(events.UpToDateSince, Is.EqualTo("first"));
        Assert.That(await RowsAsync(db, "select change, day_from from staging_changes where run_id = 'second' order by change"),
            Is.EqualTo(new[] { new object?[] { "added", null }, new object?[] { "changed", null }, new object?[] { "removed", null } }),
            "song changes carry no days: Transform runs in full");
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task Two_objects_with_identical_content_are_both_loaded_and_both_counted()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.Bucket.PutAsync("log_data/2018/11/copy/2018-11-01-events.json", string.Join("\n", Event(1, 1), Event(2, 1)));

        var (events, _) = await bucket.LoadAsync(db, "second");

        Assert.That(events.Counts, Is.EqualTo(new ObjectCounts(1, 0, 0, 3, 0)));
        Assert.That(await ScalarAsync(db, "select count(*) from staging_events where session_id = 1"), Is.EqualTo(4L), "both objects' rows");
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task An_object_that_fails_is_recorded_failed_and_loaded_once_fixed()
    {
        var (bucket, db) = await LoadedAsync();
        var before = await StagingAsync(db);
        await bucket.Bucket.PutAsync(DayKey(4), Event(1, 4) + "\n{ not json");
        await bucket.PutDayAsync(1, 3);

        Assert.That(async () => await bucket.LoadAsync(db, "bad"), Throws.InstanceOf<PipelineException>().With.Message.Contains("MAXERROR 0"));
        Assert.That(await StagingAsync(db), Is.EqualTo(before), "nothing of the failed load committed, not even the other changed object");
        Assert.That(await RowsAsync(db, "select object_key, status, run_id from load_ledger where status <> 'loaded'"),
            Is.EqualTo(new[] { new object?[] { DayKey(4), "failed", "bad" } }));

        await bucket.PutDayAsync(4, 1);
        var (events, _) = await bucket.LoadAsync(db, "fixed");

        Assert.That(events.Counts, Is.EqualTo(new ObjectCounts(0, 2, 0, 2, 0)), "the failed object is retried (a known key: changed), day 1 too");
        Assert.That(await ScalarAsync(db, "select count(*) from load_ledger where status <> 'loaded'"), Is.EqualTo(0L));
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task An_object_with_rejected_records_within_maxerror_is_counted_and_not_retried()
    {
        var bucket = await CreateAsync();
        var db = await WithStagingTablesAsync();
        await bucket.LoadAsync(db, "first", maxError: 1);
        await bucket.Bucket.PutAsync(DayKey(4), Event(1, 4) + "\n{ not json");

        var (events, _) = await bucket.LoadAsync(db, "second", maxError: 1);
        var (again, _) = await bucket.LoadAsync(db, "third", maxError: 1);

        Assert.That(events.Counts, Is.EqualTo(new ObjectCounts(1, 0, 0, 3, 1)));
        Assert.That(await ScalarAsync(db, $"select rejected from load_ledger where object_key = '{DayKey(4)}'"), Is.EqualTo(1L));
        Assert.That(again.Counts, Is.EqualTo(new ObjectCounts(0, 0, 0, 4, 0)));
    }

    [Test]
    public async Task A_window_run_acts_on_its_days_only_and_a_full_run_then_removes_the_rest()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.Bucket.DeleteAsync(DayKey(1));
        await bucket.PutDayAsync(3, 1);
        var day3 = new DateWindow(new DateOnly(2018, 11, 3), new DateOnly(2018, 11, 3));

        var (window, _) = await bucket.LoadAsync(db, "window", window: day3);

        Assert.That(window.Counts, Is.EqualTo(new ObjectCounts(0, 1, 0, 0, 0)), "day 1's deletion is outside the window");
        Assert.That(await ScalarAsync(db, "select count(*) from staging_events where session_id = 1"), Is.EqualTo(2L), "day 1 left alone");
        Assert.That(await ScalarAsync(db, "select count(*) from staging_events where session_id = 3"), Is.EqualTo(1L));

        var (full, _) = await bucket.LoadAsync(db, "full");

        Assert.That(full.Counts, Is.EqualTo(new ObjectCounts(0, 0, 1, 2, 0)));
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task A_table_written_by_someone_else_is_replaced_whole_and_counts_against_the_ledger()
    {
        var (bucket, db) = await LoadedAsync();
        await ExecuteAsync(db, "delete from staging_songs where song_id = 'SO1'");

        var (_, songs) = await bucket.LoadAsync(db, "second");

        Assert.That(songs.Counts, Is.EqualTo(new ObjectCounts(0, 3, 0, 0, 0)), "the ledger no longer describes the table: every object is read");
        Assert.That(await RowsAsync(db, "select count(*), count(day_from) from staging_changes where run_id = 'second'"),
            Is.EqualTo(new[] { new object?[] { 3L, 0L } }), "days unknown");
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    public async Task Force_rereads_every_object_and_the_table_stays_equal()
    {
        var (bucket, db) = await LoadedAsync();

        var (events, songs) = await bucket.LoadAsync(db, "forced", force: true);

        Assert.That((events.Counts, songs.Counts), Is.EqualTo((new ObjectCounts(0, 3, 0, 0, 0), new ObjectCounts(0, 3, 0, 0, 0))));
        await AssertEqualsFreshAsync(bucket, db);
    }

    [Test]
    [Description("issue 27 (5): Plan shows the counts the next load reports, and writes nothing")]
    public async Task The_preview_plan_shows_gives_the_counts_the_next_load_reports_and_writes_nothing()
    {
        var (bucket, db) = await LoadedAsync();
        await bucket.PutDayAsync(4, 1);
        await bucket.PutDayAsync(2, 2, user: "8");
        await bucket.Bucket.DeleteAsync(DayKey(1));
        var writes = await ScalarAsync(db, "select sum(writes) from etl_writes");
        var copy = Sparkify.Pipeline.Loading.StagingCopies.Under($"s3://{bucket.Bucket.Name}", Options() with { Region = MotoBucket.Region })[0];

        var preview = await Sparkify.Pipeline.Loading.LoadPrelude.PreviewAsync(db, copy, Context(bucket.Bucket.Aws) with { SkipUpToDate = true },
            CancellationToken.None);

        Assert.That(preview, Is.EqualTo((3, (ObjectCounts?)new ObjectCounts(1, 1, 1, 1, 0))));
        Assert.That(await ScalarAsync(db, "select sum(writes) from etl_writes"), Is.EqualTo(writes), "the preview wrote nothing");
        var (events, _) = await bucket.LoadAsync(db, "second");
        Assert.That(events.Counts, Is.EqualTo(preview.Counts));
    }

    [Test]
    public async Task The_ledger_counts_and_days_counted_while_writing_are_those_the_server_counts_in_staging()
    {
        var bucket = await CreateAsync();
        var db = await WithStagingTablesAsync();
        static string At(long ts) => System.Text.RegularExpressions.Regex.Replace(Event(1, 1), "\"ts\": [0-9]+", $"\"ts\": {ts}");
        // Midnight exactly, a millisecond before it, before 1970 (the division truncates toward zero), no ts, a rejected record.
        await bucket.Bucket.PutAsync(DayKey(4), string.Join("\n", At(1543536000000), At(1543535999999), At(-1000), At(-1)));
        await bucket.Bucket.PutAsync(DayKey(5), Event(1, 5).Replace("\"ts\": ", "\"tz\": ") + "\n{ not json");
        await bucket.Bucket.PutAsync(DayKey(6), "");

        await bucket.LoadAsync(db, "first", maxError: 1);

        foreach (var table in new[] { "staging_events", "staging_songs" })
        {
            var ledger = await RowsAsync(db, $"select object_id, rows_loaded, day_from::text, day_to::text from load_ledger where table_name = '{table}' order by object_id");
            var server = await RowsAsync(db, $"""
                select l.object_id, count(t.object_id),
                    cast(timestamp 'epoch' + (min(t.ts) / 1000) * interval '1 second' as date)::text,
                    cast(timestamp 'epoch' + (max(t.ts) / 1000) * interval '1 second' as date)::text
                from load_ledger l left join {(table == "staging_songs" ? "(select object_id, null::bigint as ts from staging_songs)" : table)} t
                    on t.object_id = l.object_id
                where l.table_name = '{table}' group by l.object_id order by l.object_id
                """);
            Assert.That(ledger, Has.Count.EqualTo(table == "staging_events" ? 6 : 3), table);
            Assert.That(ledger, Is.EqualTo(server), $"{table}: rows_loaded and the days per object are those of its rows");
        }
        Assert.That(await RowsAsync(db, $"select day_from::text, day_to::text from load_ledger where object_key = '{DayKey(4)}'"),
            Is.EqualTo(new[] { new object?[] { "1969-12-31", "2018-11-30" } }));
    }

    [Test]
    public async Task An_event_beyond_the_year_9999_loads_and_leaves_its_objects_days_unknown()
    {
        var bucket = await CreateAsync();
        var db = await WithStagingTablesAsync();
        var far = System.Text.RegularExpressions.Regex.Replace(Event(1, 4), "\"ts\": [0-9]+", "\"ts\": 9000000000000000");
        await bucket.Bucket.PutAsync(DayKey(4), Event(2, 4) + "\n" + far);

        var (events, _) = await bucket.LoadAsync(db, "first");

        Assert.That(events.Counts, Is.EqualTo(new ObjectCounts(4, 0, 0, 0, 0)), "the bucket's three days and the new one load");
        Assert.That(await RowsAsync(db, $"select rows_loaded, day_from, day_to from load_ledger where object_key = '{DayKey(4)}'"),
            Is.EqualTo(new[] { new object?[] { 2L, null, null } }), "days Transform cannot name are unknown, so it runs in full");
        Assert.That(await RowsAsync(db, $"select change, day_from, day_to from staging_changes where object_key = '{DayKey(4)}'"),
            Is.EqualTo(new[] { new object?[] { "added", null, null } }));
    }
}
