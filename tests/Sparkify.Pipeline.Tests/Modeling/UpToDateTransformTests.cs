using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Modeling;

/// Issue 13: a rerun skips Transform only when nothing it reads or writes changed since its last successful run
/// (Runs/UpToDate.cs); any write to staging or to the star tables, by anyone, makes it run and converge again.
public class UpToDateTransformTests
{
    static readonly DateWindow Nov5 = new(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 5));

    static async Task<TestWarehouse> TransformedAsync()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(new StagedSong("SO1", "Song A", "ARA", "Artist A", 200.0));
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-04 10:00:00.000"), SessionId: 1, ItemInSession: 0),
            new StagedEvent("8", Ms("2018-11-05 12:00:00.000"), SessionId: 2, ItemInSession: 0, Song: "Other"));
        var first = await warehouse.TransformAsync(runId: "first", skipUpToDate: true);
        Assert.That(first.UpToDateSince, Is.Null, "the first run has nothing to be up to date with");
        return warehouse;
    }

    [Test]
    public async Task A_rerun_over_unchanged_tables_is_skipped_and_recorded_as_up_to_date()
    {
        var warehouse = await TransformedAsync();
        var before = await warehouse.SnapshotAsync();

        var second = await warehouse.TransformAsync(runId: "second", skipUpToDate: true);
        var third = await warehouse.TransformAsync(runId: "third", skipUpToDate: true);

        Assert.That((second.UpToDateSince, third.UpToDateSince), Is.EqualTo(("first", "first")));
        Assert.That(await warehouse.SnapshotAsync(), Is.EqualTo(before));
        Assert.That(await warehouse.RowsAsync("select status, detail from etl_runs where run_id = 'second'"),
            Is.EqualTo(new[] { "succeeded|full run (everything staged): up to date since run first, not run" }));
    }

    [TestCase("insert into staging_events (page, ts, user_id, level, session_id, item_in_session, song, artist, length) values ('NextSong', 1541505600000, '9', 'paid', 3, 0, 'New', 'Band', 1.5)", 3L)]
    [TestCase("delete from staging_events where user_id = '8'", 1L)]
    [TestCase("update staging_songs set duration = 201.0", 2L)]
    [TestCase("delete from songplays", 2L)]
    [TestCase("truncate time", 2L)]
    [TestCase("update users set level = 'paid'", 2L)]
    public async Task Any_write_to_what_it_reads_or_writes_makes_the_rerun_run_and_converge(string write, long facts)
    {
        var warehouse = await TransformedAsync();
        await warehouse.ExecuteAsync(write);

        var rerun = await warehouse.TransformAsync(runId: "rerun", skipUpToDate: true);
        var fresh = await FreshBuildOfAsync(warehouse);

        Assert.That(rerun.UpToDateSince, Is.Null, $"after `{write}` Transform must run");
        Assert.That(await warehouse.CountAsync("songplays"), Is.EqualTo(facts));
        Assert.That(await Star(warehouse), Is.EqualTo(await Star(fresh)), "the rerun ends where a fresh build of the same staging ends");
    }

    [Test]
    public async Task A_table_dropped_and_made_again_or_an_uncounted_table_is_never_trusted()
    {
        var warehouse = await TransformedAsync();
        await warehouse.ExecuteAsync("drop table songplays");
        await CreateTables.RunAsync(warehouse.Db, SqlFiles.In(Repo.Root), recreate: false, CancellationToken.None);

        Assert.That((await warehouse.TransformAsync(runId: "remade", skipUpToDate: true)).UpToDateSince, Is.Null, "a new songplays table");
        Assert.That(await warehouse.CountAsync("songplays"), Is.EqualTo(2));

        await warehouse.ExecuteAsync("alter table time disable trigger etl_writes_counted");
        Assert.That((await warehouse.TransformAsync(runId: "uncounted", skipUpToDate: true)).UpToDateSince, Is.Null, "time's writes are not counted");
        Assert.That((await warehouse.TransformAsync(runId: "still", skipUpToDate: true)).UpToDateSince, Is.Null, "still not counted");
    }

    [Test]
    public async Task Another_scope_runs_and_a_full_run_after_a_window_run_runs_again()
    {
        var warehouse = await TransformedAsync();

        var window = await warehouse.TransformAsync(Nov5, runId: "window", skipUpToDate: true);
        var full = await warehouse.TransformAsync(runId: "full", skipUpToDate: true);
        var again = await warehouse.TransformAsync(runId: "again", skipUpToDate: true);

        Assert.That((window.UpToDateSince, full.UpToDateSince, again.UpToDateSince), Is.EqualTo(((string?)null, (string?)null, "full")));
    }

    [Test]
    public async Task Without_the_check_every_rerun_runs()
    {
        var warehouse = await TransformedAsync();

        var rerun = await warehouse.TransformAsync(runId: "forced");

        Assert.That(rerun.UpToDateSince, Is.Null);
        Assert.That(rerun.Changes.Total, Is.EqualTo(0), "nothing to change, but it ran");
    }

    static async Task<TestWarehouse> FreshBuildOfAsync(TestWarehouse warehouse)
    {
        var fresh = await TestWarehouse.CreateAsync();
        await CopyStagingAsync(warehouse, fresh);
        await fresh.TransformAsync(runId: "fresh");
        return fresh;
    }

    /// Staging of one test database into another: its rows as one JSON array, inserted back as records.
    static async Task CopyStagingAsync(TestWarehouse from, TestWarehouse to)
    {
        foreach (var table in new[] { "staging_events", "staging_songs" })
        {
            var json = await from.RowsAsync($"select coalesce(json_agg(t), '[]') from {table} t");
            await to.ExecuteAsync($"insert into {table} select * from json_populate_recordset(null::{table}, '{json[0].Replace("'", "''")}')");
        }
    }

    static async Task<List<string>> Star(TestWarehouse warehouse) =>
    [
        .. await warehouse.RowsAsync("select start_time, user_id, level, song_id, artist_id, session_id, location, user_agent, song_title, artist_name from songplays order by session_id"),
        .. await warehouse.RowsAsync("select * from users order by user_id"),
        .. await warehouse.RowsAsync("select * from songs order by song_id"),
        .. await warehouse.RowsAsync("select * from artists order by artist_id"),
        .. await warehouse.RowsAsync("select * from time order by start_time"),
    ];
}
