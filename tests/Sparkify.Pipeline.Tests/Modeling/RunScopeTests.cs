using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Modeling;

/// Issue 11 (1): what a run means. A full run equals a fresh build from staging; a bare Transform after a windowed
/// StageCopy follows staging_scope and keeps the other days; songplay_id stays stable for every surviving fact.
public class RunScopeTests
{
    static readonly DateWindow Nov5 = new(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 5));

    /// Three days of plays (users 7 and 8, song SO1 of artist ARA matched by user 7's first play, SO2 of ARB unplayed).
    static async Task<TestWarehouse> ThreeDaysAsync()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(new StagedSong("SO1", "Song A", "ARA", "Artist A", 200.0),
            new StagedSong("SO2", "Song B", "ARB", "Artist B", 100.0));
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-04 10:00:00.000"), SessionId: 1, ItemInSession: 0),
            new StagedEvent("7", Ms("2018-11-05 00:00:00.000"), SessionId: 2, ItemInSession: 0, Song: "Other"),
            new StagedEvent("8", Ms("2018-11-05 23:59:59.999"), SessionId: 3, ItemInSession: 0, FirstName: "Bo", Gender: "M"),
            new StagedEvent("7", Ms("2018-11-06 08:00:00.000"), SessionId: 4, ItemInSession: 0, Level: "paid", Song: "Other"));
        return warehouse;
    }

    static async Task RecordScopeAsync(TestWarehouse warehouse, DateWindow? days)
    {
        await using var connection = await warehouse.Db.OpenAsync(CancellationToken.None);
        await StagingScope.RecordAsync(connection, SqlFiles.In(Repo.Root), "test-stage", "s3://bucket/log_data", days, CancellationToken.None);
    }

    [Test, Description("issue 11: data no longer staged leaves nothing behind: facts, time rows, users, songs, artists")]
    public async Task Full_run_after_data_left_staging_keeps_only_what_staging_gives_with_the_same_songplay_ids()
    {
        var warehouse = await ThreeDaysAsync();
        await warehouse.TransformAsync();
        var kept = await warehouse.RowsAsync("select songplay_id, session_id from songplays where session_id in (2, 4) order by 2");
        await warehouse.ExecuteAsync("delete from staging_events where user_id = '8' or session_id = 1");
        await warehouse.ExecuteAsync("delete from staging_songs where song_id = 'SO1'");

        var result = await warehouse.TransformAsync();

        Assert.That(result.Range.Full, Is.True);
        Assert.That(await warehouse.RowsAsync("select songplay_id, session_id from songplays order by 2"), Is.EqualTo(kept));
        Assert.That(await warehouse.RowsAsync("select user_id from users"), Is.EqualTo(new[] { "7" }));
        Assert.That(await warehouse.RowsAsync("select song_id, artist_id from songs"), Is.EqualTo(new[] { "SO2|ARB" }));
        Assert.That(await warehouse.RowsAsync("select artist_id from artists"), Is.EqualTo(new[] { "ARB" }));
        Assert.That(await warehouse.RowsAsync("select start_time from time order by 1"),
            Is.EqualTo(new[] { "2018-11-05 00:00:00.000", "2018-11-06 08:00:00.000" }));
        Assert.That((await warehouse.VerifyAsync()).Failures.Select(f => f.Check.Name), Is.Empty);
    }

    [Test, Description("issue 11: a Transform without --from/--to after a windowed StageCopy must not wipe the other days")]
    public async Task Bare_transform_after_a_windowed_stage_follows_the_staged_days_and_keeps_the_others()
    {
        var warehouse = await ThreeDaysAsync();
        await warehouse.TransformAsync();
        const string Facts = "select * from songplays order by songplay_id";
        var plays = await warehouse.RowsAsync(Facts);
        var times = await warehouse.RowsAsync("select * from time order by 1");
        var counts = await warehouse.StarCountsAsync();
        // What StageCopy --from=2018-11-05 --to=2018-11-05 leaves: that day's events only, and its scope recorded.
        await warehouse.ExecuteAsync("delete from staging_events where ts < 1541376000000 or ts >= 1541462400000");
        await RecordScopeAsync(warehouse, Nov5);

        var result = await warehouse.TransformAsync();
        var report = await warehouse.VerifyAsync();

        Assert.That((result.Range.Full, result.Range.Window, result.Range.ToString()), Is.EqualTo((false, Nov5, "2018-11-05 (the days staging holds)")));
        Assert.That((result.Changes.Deleted("songplays"), result.Changes.Deleted("time")), Is.EqualTo((0L, 0L)));
        Assert.That(await warehouse.RowsAsync(Facts), Is.EqualTo(plays));
        Assert.That(await warehouse.RowsAsync("select * from time order by 1"), Is.EqualTo(times));
        Assert.That(await warehouse.StarCountsAsync(), Is.EqualTo(counts));
        Assert.That(report.Failures.Select(f => f.Check.Name), Is.Empty);
    }

    [Test]
    public async Task Whole_source_scope_recorded_by_a_full_stage_makes_the_bare_transform_a_full_run_again()
    {
        var warehouse = await ThreeDaysAsync();
        await RecordScopeAsync(warehouse, Nov5);
        await RecordScopeAsync(warehouse, null);

        var result = await warehouse.TransformAsync();

        Assert.That((result.Range.Full, result.Range.ToString()), Is.EqualTo((true, "full run (everything staged)")));
        Assert.That(await warehouse.CountAsync("songplays"), Is.EqualTo(4));
        Assert.That(await warehouse.RowsAsync("select count(*) from staging_scope"), Is.EqualTo(new[] { "1" }));
    }

    [Test, Description("issue 11 (3): statistics of a table the transaction fills are refreshed before the next statement")]
    public void Analyze_rule_takes_a_tenth_of_the_table_and_at_least_a_thousand_rows()
    {
        Assert.That(TableStatistics.NeedsAnalyze(estimate: 0, changed: 1_000), Is.True);
        Assert.That(TableStatistics.NeedsAnalyze(estimate: 0, changed: 999), Is.False);
        Assert.That(TableStatistics.NeedsAnalyze(estimate: 700_000, changed: 23_000), Is.False, "a day's window on x100");
        Assert.That(TableStatistics.NeedsAnalyze(estimate: 700_000, changed: 70_000), Is.True);
    }
}
