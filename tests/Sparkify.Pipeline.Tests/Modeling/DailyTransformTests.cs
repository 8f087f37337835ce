using static Sparkify.Pipeline.Tests.Fixtures.Epoch;
using static Sparkify.Pipeline.Tests.Modeling.DailyFixture;

namespace Sparkify.Pipeline.Tests.Modeling;

/// Issue 27 (2, 6): a Transform after a daily StageCopy recomputes only the days the changed objects touch (their
/// users, time rows and facts), and the star schema equals a fresh full build of the same files every time.
public class DailyTransformTests
{
    const string Ids = "select songplay_id, session_id from songplays order by session_id";

    [Test, Description("issue 27: one new day's log is the daily case")]
    public async Task Adding_a_day_recomputes_that_day_alone_and_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        var ids = await warehouse.RowsAsync(Ids);
        source.PutLog(Nov7,
            new StagedEvent("7", Ms("2018-11-07 07:00:00.000"), Level: "free", SessionId: 6, ItemInSession: 0, Song: "Song B",
                Artist: "Artist B", Length: 100.0),
            new StagedEvent("10", Ms("2018-11-07 08:00:00.000"), SessionId: 7, ItemInSession: 0, FirstName: "Di"));

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Changed, result.Range.CleanUp, result.FullBecause), Is.EqualTo((new[] { Day(7) }, false, (string?)null)));
        Assert.That((result.Changes.Inserted("songplays"), result.Changes.Deleted("songplays"), result.Changes.Updated("users")),
            Is.EqualTo((2L, 0L, 1L)), "two new plays; user 7 downgraded, no other user touched");
        Assert.That((await warehouse.RowsAsync(Ids)).Take(ids.Count), Is.EqualTo(ids), "every earlier fact keeps its songplay_id");
        var again = await warehouse.TransformAsync(runId: "transform-3", skipUpToDate: true);
        Assert.That(again.UpToDateSince, Is.EqualTo("transform-2"), "a daily run leaves what a full run does, and is stamped so");
    }

    [Test, Description("a daily run reads the events from its first changed day on (transform_recent), not only its days")]
    public async Task Adding_an_earlier_day_keeps_the_later_levels_of_its_users_and_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        // Free plays on the 3rd by users 7 and 8, whose latest levels are the 'paid' of the 5th and 6th, and a new user.
        source.PutLog("log_data/2018/11/2018-11-03-events.json",
            new StagedEvent("7", Ms("2018-11-03 10:00:00.000"), Level: "free", SessionId: 11, ItemInSession: 0),
            new StagedEvent("8", Ms("2018-11-03 11:00:00.000"), Level: "free", SessionId: 12, ItemInSession: 0, FirstName: "Bo", Gender: "M"),
            new StagedEvent("12", Ms("2018-11-03 12:00:00.000"), SessionId: 13, ItemInSession: 0, FirstName: "Ed"));

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Changed, result.Range.CleanUp, result.FullBecause), Is.EqualTo((new[] { Day(3) }, false, (string?)null)));
        Assert.That(await warehouse.RowsAsync("select user_id || ' ' || level from users order by user_id"),
            Is.EqualTo(new[] { "12 free", "7 paid", "8 paid", "9 free" }), "the later days' levels stay");
    }

    [Test]
    public async Task Editing_a_day_in_place_with_the_same_size_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        // User 8's play of the 5th becomes a free play of another song: same rows, same size.
        source.PutLog(Nov5,
            new StagedEvent("8", Ms("2018-11-05 09:00:00.000"), Level: "free", SessionId: 3, ItemInSession: 0, Song: "Song A",
                Artist: "Artist A", Length: 200.0, FirstName: "Bo", Gender: "M"),
            new StagedEvent("9", Ms("2018-11-05 23:59:59.999"), SessionId: 4, ItemInSession: 0, Song: "Other", FirstName: "Cy"));

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Changed, result.Range.CleanUp, result.FullBecause), Is.EqualTo((new[] { Day(5) }, true, (string?)null)));
        Assert.That(await warehouse.RowsAsync("select level from users where user_id = '8'"), Is.EqualTo(new[] { "free" }));
    }

    [Test]
    public async Task Editing_a_day_so_that_its_rows_move_to_another_day_equals_a_fresh_build()
    {
        var (warehouse, source) = await TransformedAsync();
        source.PutLog(Nov5,
            new StagedEvent("8", Ms("2018-11-08 09:00:00.000"), Level: "paid", SessionId: 3, ItemInSession: 0, Song: "Song B",
                Artist: "Artist B", Length: 100.0, FirstName: "Bo", Gender: "M"));

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Changed, result.FullBecause), Is.EqualTo((new[] { new DateWindow(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 8)) }, (string?)null)));
        Assert.That(await warehouse.RowsAsync("select user_id from users order by 1"), Is.EqualTo(new[] { "7", "8" }), "user 9 left with the edit");
    }

    [Test]
    public async Task Deleting_a_day_removes_its_facts_time_rows_and_the_users_only_it_had()
    {
        var (warehouse, source) = await TransformedAsync();
        source.RemoveLog(Nov5);

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Changed, result.Range.CleanUp, result.FullBecause), Is.EqualTo((new[] { Day(5) }, true, (string?)null)));
        Assert.That((result.Changes.Deleted("songplays"), result.Changes.Deleted("time"), result.Changes.Deleted("users")), Is.EqualTo((2L, 2L, 1L)));
        Assert.That(await warehouse.RowsAsync("select level from users where user_id = '8'"), Is.EqualTo(new[] { "free" }), "8's latest is the 4th again");
    }

    [Test]
    public async Task Renaming_a_file_changes_no_fact_and_keeps_every_songplay_id()
    {
        var (warehouse, source) = await TransformedAsync();
        var before = await warehouse.SnapshotAsync();
        source.RenameLog(Nov4, "log_data/2018/11/renamed-2018-11-04-events.json");

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Changed, result.FullBecause), Is.EqualTo((new[] { Day(4) }, (string?)null)));
        Assert.That(result.Changes.Total, Is.EqualTo(0), "the same rows under another key: no duplicate, nothing to change");
        Assert.That(await warehouse.SnapshotAsync(), Is.EqualTo(before));
    }

    [TestCase("added", "song_data/C/SO3.json"), TestCase("changed", "song_data/A/SO1.json"), TestCase("removed", "song_data/B/SO2.json")]
    public async Task A_song_file_change_makes_a_full_run_that_equals_a_fresh_build(string change, string key)
    {
        var (warehouse, source) = await TransformedAsync();
        if (change == "added") source.PutSongs(key, new StagedSong("SO3", "Other", "ARC", "Artist A", 200.0));
        if (change == "changed") source.PutSongs(key, new StagedSong("SO1", "Song A", "ARA", "Artist A", 201.0));
        if (change == "removed") source.RemoveSongs(key);

        var result = await StageAndTransformAsync(warehouse, source, "2");

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That(result.Range.Full, Is.True);
        Assert.That(result.FullBecause, Is.EqualTo($"staging_songs changed ({change} {key}): a song's change can re-match plays on any day"));
    }

    [Test, Description("issue 27: changes of several StageCopy runs accumulate until a Transform consumes them")]
    public async Task Two_stages_before_one_transform_recompute_both_changes_as_two_ranges()
    {
        var (warehouse, source) = await TransformedAsync();
        source.PutLog("log_data/2018/11/2018-11-09-events.json", new StagedEvent("10", Ms("2018-11-09 08:00:00.000"), SessionId: 7, ItemInSession: 0));
        await source.StageAsync(warehouse, "stage-2");
        source.PutLog(Nov4, new StagedEvent("7", Ms("2018-11-04 10:00:00.000"), SessionId: 1, ItemInSession: 0));
        await source.StageAsync(warehouse, "stage-3");
        Assert.That(await warehouse.RowsAsync("select distinct run_id from staging_changes order by 1"), Is.EqualTo(new[] { "stage-2", "stage-3" }));

        var result = await warehouse.TransformAsync(runId: "transform-4", skipUpToDate: true);

        await AssertEqualsAFreshBuildAsync(warehouse, source);
        Assert.That((result.Range.Changed, result.Range.CleanUp), Is.EqualTo((new[] { Day(4), Day(9) }, true)), "two days apart stay two ranges");
    }
}
