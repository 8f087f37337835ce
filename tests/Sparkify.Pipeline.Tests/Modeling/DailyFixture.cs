using Sparkify.Pipeline.Targets;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Modeling;

/// Three days of logs and two song files, staged and transformed once; the daily tests change them and compare.
static class DailyFixture
{
    public const string Nov4 = "log_data/2018/11/2018-11-04-events.json";
    public const string Nov5 = "log_data/2018/11/2018-11-05-events.json";
    public const string Nov6 = "log_data/2018/11/2018-11-06-events.json";
    public const string Nov7 = "log_data/2018/11/2018-11-07-events.json";

    public static DateWindow Day(int november) => new(new DateOnly(2018, 11, november), new DateOnly(2018, 11, november));

    /// Users 7, 8 and 9; SO1 is played (matched) on the 4th and 6th, SO2 on the 5th; user 8's latest level is the
    /// 5th's 'paid', user 7's a Home page's on the 6th (not a play); user 9 is only on the 5th.
    public static async Task<(TestWarehouse Warehouse, DailySource Source)> TransformedAsync()
    {
        var source = new DailySource();
        source.PutSongs("song_data/A/SO1.json", new StagedSong("SO1", "Song A", "ARA", "Artist A", 200.0));
        source.PutSongs("song_data/B/SO2.json", new StagedSong("SO2", "Song B", "ARB", "Artist B", 100.0, Location: "Berlin"));
        source.PutLog(Nov4,
            new StagedEvent("7", Ms("2018-11-04 10:00:00.000"), SessionId: 1, ItemInSession: 0),
            new StagedEvent("8", Ms("2018-11-04 11:00:00.000"), SessionId: 2, ItemInSession: 0, Song: "Other", FirstName: "Bo", Gender: "M"),
            new StagedEvent("7", Ms("2018-11-04 12:00:00.000"), Page: "Home", SessionId: 1, ItemInSession: 1, Song: null));
        source.PutLog(Nov5,
            new StagedEvent("8", Ms("2018-11-05 09:00:00.000"), Level: "paid", SessionId: 3, ItemInSession: 0, Song: "Song B",
                Artist: "Artist B", Length: 100.0, FirstName: "Bo", Gender: "M"),
            new StagedEvent("9", Ms("2018-11-05 23:59:59.999"), SessionId: 4, ItemInSession: 0, Song: "Other", FirstName: "Cy"));
        source.PutLog(Nov6,
            new StagedEvent("7", Ms("2018-11-06 08:00:00.000"), Level: "paid", SessionId: 5, ItemInSession: 0),
            new StagedEvent("7", Ms("2018-11-06 08:05:00.000"), Page: "Home", Level: "paid", SessionId: 5, ItemInSession: 1,
                Song: null, LastName: "Lee-Smith"));
        var warehouse = await TestWarehouse.CreateAsync();
        await source.StageAsync(warehouse, "stage-1");
        await warehouse.TransformAsync(runId: "transform-1", skipUpToDate: true);
        return (warehouse, source);
    }

    /// One StageCopy of what the test changed, then a Transform as a bare run does it (not forced).
    public static async Task<TransformResult> StageAndTransformAsync(TestWarehouse warehouse, DailySource source, string run)
    {
        await source.StageAsync(warehouse, $"stage-{run}");
        return await warehouse.TransformAsync(runId: $"transform-{run}", skipUpToDate: true);
    }

    /// The star tables equal a fresh build of the same files (checksums, songplays without songplay_id), Verify passes,
    /// and nothing is left pending.
    public static async Task AssertEqualsAFreshBuildAsync(TestWarehouse warehouse, DailySource source)
    {
        var fresh = await source.FreshBuildAsync();
        Assert.That(await WarehouseChecksums.OfAsync(warehouse.Db, WarehouseChecksums.Star),
            Is.EqualTo(await WarehouseChecksums.OfAsync(fresh.Db, WarehouseChecksums.Star)), "the star tables of a fresh build");
        Assert.That(await warehouse.StarCountsAsync(), Is.EqualTo(await fresh.StarCountsAsync()));
        Assert.That((await warehouse.VerifyAsync()).Failures.Select(f => f.Check.Name), Is.Empty);
        Assert.That(await warehouse.CountAsync("staging_changes"), Is.EqualTo(0), "the Transform consumed every pending change");
    }
}
