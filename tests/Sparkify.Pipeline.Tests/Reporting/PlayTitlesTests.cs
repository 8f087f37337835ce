using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Reporting;

/// The rankings name each play by its fact's own title and artist, which the transform takes from the staged copy it
/// builds the fact from (sql/transform/40_songplays_staged.sql).
public class PlayTitlesTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    static readonly long Ts = Ms("2018-11-05 09:00:00.000");

    [Test]
    [Description("Issue 13: a key staged twice is named by the copy the transform keeps, first by (ts, level, song, …)")]
    public async Task A_key_staged_twice_with_equal_ts_is_named_by_the_copy_the_fact_was_built_from()
    {
        // Arrange: key 0 twice at one ts, the transform's order puts level first, so the free "Zebra" copy wins over the
        // paid "Apple" one; key 1 twice at one ts and level, the smaller title wins; key 2 staged once.
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            new StagedEvent("7", Ts, ItemInSession: 0, Level: "paid", Song: "Apple", Artist: "Band"),
            new StagedEvent("7", Ts, ItemInSession: 0, Level: "free", Song: "Zebra", Artist: "Band"),
            new StagedEvent("7", Ts + 60_000, ItemInSession: 1, Song: "Mango", Artist: "Crew"),
            new StagedEvent("7", Ts + 60_000, ItemInSession: 1, Song: "Kiwi", Artist: "Crew"),
            new StagedEvent("7", Ts + 120_000, ItemInSession: 2, Song: "Zebra", Artist: "Band"));

        // Act: the facts come from the real transform.
        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select item_in_session, level from songplays order by item_in_session"),
            Is.EqualTo(new[] { "0|free", "1|free", "2|free" }), "the transform keeps the free copy of key 0");
        Assert.That(await RowsAsync(warehouse.Db, "top_songs"), Is.EqualTo(new[]
        {
            new[] { "Zebra", "Band", "2", "1", "0", "0.0" },
            new[] { "Kiwi", "Crew", "1", "1", "0", "0.0" },
        }));
        Assert.That(await RowsAsync(warehouse.Db, "top_artists"), Is.EqualTo(new[]
        {
            new[] { "Band", "2", "1", "1", "0", "0.0" },
            new[] { "Crew", "1", "1", "1", "0", "0.0" },
        }));
    }

    [Test]
    [Description("Issue 13: the fact keeps its title when staging is reloaded; the next Transform of its key renames it")]
    public async Task A_fact_keeps_its_title_when_its_copy_is_gone_and_takes_the_new_copys_at_the_next_transform()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(new StagedEvent("7", Ts, ItemInSession: 0, Song: "Built From", Artist: "Band"));
        await warehouse.TransformAsync();
        var id = await warehouse.RowsAsync("select songplay_id from songplays");

        // Staging reloaded: the key is staged again, a second later and with another title.
        await warehouse.ExecuteAsync("truncate staging_events");
        await warehouse.StageAsync(new StagedEvent("7", Ts + 1000, ItemInSession: 0, Song: "Later Copy", Artist: "Crew"));

        Assert.That(await RowsAsync(warehouse.Db, "top_songs"), Is.EqualTo(new[]
        {
            new[] { "Built From", "Band", "1", "1", "0", "0.0" },
        }), "the report reads the fact, not staging");

        await warehouse.TransformAsync();

        Assert.That(await RowsAsync(warehouse.Db, "top_songs"), Is.EqualTo(new[]
        {
            new[] { "Later Copy", "Crew", "1", "1", "0", "0.0" },
        }));
        Assert.That(await warehouse.RowsAsync("select songplay_id from songplays"), Is.EqualTo(id), "the merge kept the fact's id");
    }

    static async Task<string[][]> RowsAsync(WarehouseEndpoint db, string name)
    {
        var query = AnalyticsQuery.LoadAll(Sql).Single(q => q.Name == name);
        await using var session = await ReadOnlySession.OpenAsync(db, CancellationToken.None);
        var result = (await session.RunAsync(query.Sql, query.FileName, CancellationToken.None)).Single();
        return result.Rows.Select(r => r.Select(CellText.Plain).ToArray()).ToArray();
    }
}
