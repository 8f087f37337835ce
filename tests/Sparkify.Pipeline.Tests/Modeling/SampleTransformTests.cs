namespace Sparkify.Pipeline.Tests.Modeling;

/// The real Sparkify sample (../shared/data/sparkify): the counts its PROVENANCE.md worked out independently.
public class SampleTransformTests
{
    static readonly Dictionary<string, long> Expected = new()
        { ["songplays"] = 6820, ["users"] = 97, ["songs"] = 71, ["artists"] = 69, ["time"] = 6813 };

    static async Task<TestWarehouse> StagedSampleAsync()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        var (events, songs) = await SampleStaging.LoadAsync(warehouse.Db, Repo.RequireSampleData());
        Assert.That((events, songs), Is.EqualTo((8056L, 71L)), "the sample staged as PROVENANCE.md counts it");
        return warehouse;
    }

    [Test]
    public async Task Sample_gives_the_known_counts_one_matched_play_and_passes_verify()
    {
        var warehouse = await StagedSampleAsync();

        await warehouse.TransformAsync();

        Assert.That(await warehouse.StarCountsAsync(), Is.EqualTo(Expected));
        // PROVENANCE.md: the one play equal on title, artist and duration is "Setanta matins" by Elena, user 15.
        Assert.That(await warehouse.RowsAsync("select user_id, start_time, song_id, artist_id from songplays where song_id is not null"),
            Is.EqualTo(new[] { "15|2018-11-21 21:56:47.796|SOZCTXZ12AB0182364|AR5KOSW1187FB35FF4" }));
        var report = await warehouse.VerifyAsync();
        Assert.That(report.Failures.Select(f => f.Check.Name), Is.Empty);
        Assert.That(report.Passed, Is.GreaterThanOrEqualTo(18));
    }

    [Test]
    public async Task Sample_second_transform_and_a_day_window_change_no_count_and_no_row()
    {
        var warehouse = await StagedSampleAsync();
        await warehouse.TransformAsync();
        var before = await warehouse.SnapshotAsync();

        var again = await warehouse.TransformAsync();
        var day = await warehouse.TransformAsync(new DateWindow(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 5)));

        Assert.That((again.Changes.Total, day.Changes.Total), Is.EqualTo((0L, 0L)));
        Assert.That(await warehouse.StarCountsAsync(), Is.EqualTo(Expected));
        Assert.That(await warehouse.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Sample_day_window_on_empty_tables_loads_only_that_days_plays()
    {
        var warehouse = await StagedSampleAsync();
        var nov5 = new DateWindow(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 5));

        await warehouse.TransformAsync(nov5);

        // 356 NextSong events in 2018-11-05-events.json, all of them inside that UTC day (counted with python3).
        Assert.That(await warehouse.CountAsync("songplays"), Is.EqualTo(356));
        Assert.That(await warehouse.RowsAsync("select count(*) from songplays where start_time < '2018-11-05' or start_time >= '2018-11-06'"),
            Is.EqualTo(new[] { "0" }));
        Assert.That((await warehouse.VerifyAsync(nov5)).Failures, Is.Empty);
    }
}
