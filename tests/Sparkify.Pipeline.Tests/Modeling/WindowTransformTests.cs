using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Modeling;

/// --from/--to: dimensions merged, the window's facts replaced; re-runs and overlapping windows converge.
public class WindowTransformTests
{
    static readonly DateWindow Nov5 = new(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 5));

    /// Three days: user 7 plays on the 4th and 5th, upgrades and plays on the 6th; user 8 plays on the 5th only.
    static async Task<TestWarehouse> ThreeDaysAsync()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(new StagedSong("SO1", "Song A", "ARA", "Artist A", 200.0));
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-04 10:00:00.000"), SessionId: 1, ItemInSession: 0),
            new StagedEvent("7", Ms("2018-11-05 00:00:00.000"), SessionId: 2, ItemInSession: 0),
            new StagedEvent("8", Ms("2018-11-05 23:59:59.999"), SessionId: 3, ItemInSession: 0, FirstName: "Bo", Gender: "M"),
            new StagedEvent("7", Ms("2018-11-06 08:00:00.000"), SessionId: 4, ItemInSession: 0, Level: "paid"),
            new StagedEvent("7", Ms("2018-11-06 08:05:00.000"), SessionId: 4, ItemInSession: 1, Level: "paid", Song: "Other"));
        return warehouse;
    }

    [Test]
    public async Task Rerun_changes_nothing_not_even_songplay_ids()
    {
        var warehouse = await ThreeDaysAsync();
        await warehouse.TransformAsync();
        var before = await warehouse.SnapshotAsync();

        var again = await warehouse.TransformAsync();

        Assert.That(await warehouse.SnapshotAsync(), Is.EqualTo(before));
        Assert.That(again.Changes.Total, Is.EqualTo(0));
    }

    [Test]
    public async Task Window_run_after_a_full_run_changes_nothing()
    {
        var warehouse = await ThreeDaysAsync();
        await warehouse.TransformAsync();
        var before = await warehouse.SnapshotAsync();

        var window = await warehouse.TransformAsync(Nov5);

        // User 7's level stays paid (the 6th), though the window's own latest event for 7 is free.
        Assert.That(await warehouse.SnapshotAsync(), Is.EqualTo(before));
        Assert.That(window.Changes.Total, Is.EqualTo(0));
    }

    [Test]
    public async Task Window_run_on_empty_tables_loads_only_that_days_plays_users_and_times()
    {
        var warehouse = await ThreeDaysAsync();

        await warehouse.TransformAsync(Nov5);

        Assert.That(await warehouse.RowsAsync("select user_id, start_time from songplays order by start_time"),
            Is.EqualTo(new[] { "7|2018-11-05 00:00:00.000", "8|2018-11-05 23:59:59.999" }));
        Assert.That(await warehouse.RowsAsync("select user_id, first_name, level from users order by user_id"),
            Is.EqualTo(new[] { "7|Ann|paid", "8|Bo|free" }));
        Assert.That(await warehouse.RowsAsync("select start_time from time order by start_time"),
            Is.EqualTo(new[] { "2018-11-05 00:00:00.000", "2018-11-05 23:59:59.999" }));
        Assert.That((await warehouse.VerifyAsync(Nov5)).Failures, Is.Empty);
    }

    [Test]
    public async Task Overlapping_windows_converge_to_the_full_run()
    {
        var full = await ThreeDaysAsync();
        await full.TransformAsync();
        var windowed = await ThreeDaysAsync();

        await windowed.TransformAsync(new DateWindow(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 6)));
        await windowed.TransformAsync(new DateWindow(new DateOnly(2018, 11, 4), new DateOnly(2018, 11, 5)));

        const string Plays = "select start_time, user_id, level, song_id, artist_id, session_id, item_in_session from songplays order by 1, 2";
        Assert.That(await windowed.RowsAsync(Plays), Is.EqualTo(await full.RowsAsync(Plays)));
        Assert.That(await windowed.RowsAsync("select * from users order by 1"), Is.EqualTo(await full.RowsAsync("select * from users order by 1")));
        Assert.That(await windowed.RowsAsync("select * from time order by 1"), Is.EqualTo(await full.RowsAsync("select * from time order by 1")));
    }

    [Test]
    public async Task Window_rerun_replaces_its_facts_an_event_gone_from_staging_loses_its_play_and_time_row()
    {
        var warehouse = await ThreeDaysAsync();
        await warehouse.TransformAsync();
        await warehouse.ExecuteAsync("delete from staging_events where user_id = '8'");

        var result = await warehouse.TransformAsync(Nov5);

        Assert.That(result.Changes.Deleted("songplays"), Is.EqualTo(1));
        Assert.That(result.Changes.Deleted("time"), Is.EqualTo(1));
        Assert.That(await warehouse.RowsAsync("select start_time from time order by 1"), Is.EqualTo(new[]
            { "2018-11-04 10:00:00.000", "2018-11-05 00:00:00.000", "2018-11-06 08:00:00.000", "2018-11-06 08:05:00.000" }));
    }

    [Test]
    public async Task Transform_records_its_run_in_etl_runs_with_window_and_row_counts()
    {
        var warehouse = await ThreeDaysAsync();

        await warehouse.TransformAsync(Nov5, runId: "run-42");

        var rows = await warehouse.RowsAsync("select run_id, target, window_from, window_to, status, counts from etl_runs");
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows[0], Does.StartWith("run-42|Transform|2018-11-05|2018-11-05|succeeded|"));
        Assert.That(rows[0], Does.Contain("\"songplays\":{\"inserted\":2,\"updated\":0,\"deleted\":0}"));
        Assert.That(await warehouse.RowsAsync("select count(*) from etl_runs where finished_at >= started_at"), Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public async Task A_failing_transform_changes_nothing_and_records_the_failure()
    {
        var warehouse = await ThreeDaysAsync();
        await warehouse.TransformAsync();
        var before = await warehouse.SnapshotAsync();
        // The users step takes the new level; then songplays refuses it, so the users change must roll back too.
        await warehouse.ExecuteAsync("alter table songplays add constraint no_gold check (level <> 'gold')");
        await warehouse.ExecuteAsync("update staging_events set level = 'gold' where user_id = '8'");

        var failure = Assert.ThrowsAsync<PipelineException>(async () => await warehouse.TransformAsync(runId: "run-bad"));

        Assert.That(failure!.Message, Does.Contain("sql/transform/50_songplays.sql").And.Contain("nothing was changed"));
        Assert.That(await warehouse.SnapshotAsync(), Is.EqualTo(before));
        Assert.That(await warehouse.RowsAsync("select status from etl_runs where run_id = 'run-bad'"), Is.EqualTo(new[] { "failed" }));
    }
}
