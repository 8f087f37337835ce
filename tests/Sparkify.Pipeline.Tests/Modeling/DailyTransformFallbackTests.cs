using Npgsql;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;
using static Sparkify.Pipeline.Tests.Modeling.DailyFixture;

namespace Sparkify.Pipeline.Tests.Modeling;

/// Issue 27 (2, 6): when recomputing the changed days alone would not be exact, or a run was killed, or a window
/// run came between, a bare Transform still ends equal to a fresh full build of the same files.
public class DailyTransformFallbackTests
{
    static StagedEvent Nov7Play => new("10", Ms("2018-11-07 08:00:00.000"), SessionId: 7, ItemInSession: 0, FirstName: "Di");

    [Test, Description("issue 27: a Transform killed before its commit leaves staging_changes for the next run")]
    public async Task A_transform_killed_before_commit_leaves_the_changes_and_the_rerun_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        var before = await warehouse.SnapshotAsync();
        source.RemoveLog(Nov5);
        source.PutLog(Nov7, Nov7Play);
        await source.StageAsync(warehouse, "stage-2");
        // The server ends the Transform's session at its last write before commit, as kill -9 of the run does.
        await warehouse.ExecuteAsync("""
            create function killed() returns trigger language plpgsql as $$ begin perform pg_terminate_backend(pg_backend_pid()); return null; end $$;
            create trigger killed before insert on etl_stamps for each statement execute function killed()
            """);

        Assert.That(async () => await warehouse.TransformAsync(runId: "transform-killed", skipUpToDate: true), Throws.InstanceOf<NpgsqlException>());
        Assert.That(await warehouse.SnapshotAsync(), Is.EqualTo(before), "nothing of the killed run committed");
        Assert.That(await warehouse.CountAsync("staging_changes"), Is.EqualTo(2), "its changes are still pending");
        await warehouse.ExecuteAsync("drop trigger killed on etl_stamps");

        var rerun = await warehouse.TransformAsync(runId: "transform-rerun", skipUpToDate: true);

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((rerun.Range.Changed, rerun.FullBecause), Is.EqualTo((new[] { Day(5), Day(7) }, (string?)null)));
    }

    [Test, Description("issue 27: --from/--to keeps its meaning; the next bare run finds the star tables written and runs in full")]
    public async Task A_window_run_leaves_the_changes_pending_and_the_next_bare_run_is_full_and_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        source.RemoveLog(Nov4);
        source.PutLog(Nov7, Nov7Play);
        await source.StageAsync(warehouse, "stage-2");

        var window = await warehouse.TransformAsync(Day(7), runId: "transform-window", skipUpToDate: true);
        Assert.That((window.Range.Window, window.Range.Changed), Is.EqualTo((Day(7), (IReadOnlyList<DateWindow>?)null)));
        Assert.That(await warehouse.CountAsync("staging_changes"), Is.EqualTo(2), "a window run consumes nothing");
        var bare = await warehouse.TransformAsync(runId: "transform-bare", skipUpToDate: true);

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((bare.Range.Full, bare.FullBecause), Is.EqualTo((true, "the star tables are not what the last full or daily Transform of this SQL left")));
    }

    [Test]
    public async Task Star_tables_written_by_other_sql_make_the_next_run_full_and_equal_to_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        await warehouse.ExecuteAsync("update users set level = 'paid' where user_id = '9'");
        source.PutLog(Nov7, Nov7Play);

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That(result.Range.Full, Is.True);
    }

    [Test, Description("a fact is its key's earliest staged event over all days: a key across days needs all of them")]
    public async Task A_new_day_repeating_a_key_of_another_day_makes_a_full_run_that_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        // Session 1, item 0 of user 7 is the 4th's first play; a copy on the 7th must not replace it.
        source.PutLog(Nov7, new StagedEvent("7", Ms("2018-11-07 10:00:00.000"), SessionId: 1, ItemInSession: 0, Song: "Other"));

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Full, result.FullBecause), Is.EqualTo((true, "1 plays outside the changed days share their key with staged plays in them")));
    }

    [Test, Description("an earlier copy of a key becomes its fact: the fact would leave an unchanged day")]
    public async Task A_new_day_repeating_a_key_of_a_later_day_makes_a_full_run_that_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        // Session 5, item 0 of user 7 is the 6th's play; a copy on the 3rd is earlier, so the 6th loses the fact.
        source.PutLog("log_data/2018/11/2018-11-03-events.json",
            new StagedEvent("7", Ms("2018-11-03 10:00:00.000"), Level: "paid", SessionId: 5, ItemInSession: 0));

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Full, result.FullBecause), Is.EqualTo((true, "1 plays outside the changed days share their key with staged plays in them")));
    }

    [Test, Description("after only additions the facts decide: a shared key whose fact is inside the changed days is exact")]
    public async Task Adding_to_a_day_whose_play_has_a_later_copy_stays_daily_and_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        // User 8's play of the 5th (session 3, item 0) gets a later copy on the 8th: the 5th keeps the fact.
        source.PutLog("log_data/2018/11/2018-11-08-events.json",
            new StagedEvent("8", Ms("2018-11-08 09:00:00.000"), Level: "paid", SessionId: 3, ItemInSession: 0, Song: "Other"));
        Assert.That((await StageAndTransformAsync(warehouse, source, "2")).Range.Full, Is.True, "the 8th's key has its fact on the 5th");
        source.PutLog("log_data/2018/11/2018-11-05-more-events.json",
            new StagedEvent("9", Ms("2018-11-05 20:00:00.000"), SessionId: 8, ItemInSession: 0, FirstName: "Cy"));

        var result = await StageAndTransformAsync(warehouse, source, "3");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Changed, result.FullBecause), Is.EqualTo((new[] { Day(5) }, (string?)null)));
    }

    [Test]
    public async Task Forced_transform_is_full_and_consumes_the_changes()
    {
        var (warehouse, source) = await TransformedAsync();
        source.PutLog(Nov7, Nov7Play);
        await source.StageAsync(warehouse, "stage-2");

        var forced = await warehouse.TransformAsync(runId: "transform-forced");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((forced.Range.Full, forced.FullBecause), Is.EqualTo((true, "--force")));
    }

    [Test, Description("an object whose rows have no day (an empty file) gives no days to recompute")]
    public async Task A_change_with_unknown_days_makes_a_full_run()
    {
        var (warehouse, source) = await TransformedAsync();
        source.PutLog("log_data/2018/11/empty.json");

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That(result.FullBecause, Is.EqualTo("the days of log_data/2018/11/empty.json (added) are unknown"));
    }
}
