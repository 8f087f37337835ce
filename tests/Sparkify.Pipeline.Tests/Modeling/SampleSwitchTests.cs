using Sparkify.Pipeline.Generation;

namespace Sparkify.Pipeline.Tests.Modeling;

/// Issue 11 (1): a full run after switching samples, in both directions, leaves exactly what a fresh build gives.
public class SampleSwitchTests
{
    /// Every row of the five star tables without songplay_id (a fresh build numbers its facts anew), ordered by key.
    const string Plays = "select start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location, user_agent, song_title, artist_name " +
                         "from songplays order by session_id, item_in_session, user_id";

    static async Task<List<string>> ContentsAsync(TestWarehouse warehouse) =>
    [
        .. await warehouse.RowsAsync(Plays),
        .. await warehouse.RowsAsync("select * from users order by user_id"),
        .. await warehouse.RowsAsync("select * from songs order by song_id"),
        .. await warehouse.RowsAsync("select * from artists order by artist_id"),
        .. await warehouse.RowsAsync("select * from time order by start_time"),
    ];

    static async Task<TestWarehouse> FreshBuildAsync(string sample)
    {
        var fresh = await TestWarehouse.CreateAsync();
        await SampleStaging.LoadAsync(fresh.Db, sample);
        await fresh.TransformAsync();
        return fresh;
    }

    static async Task SwitchToAsync(TestWarehouse warehouse, string sample)
    {
        await warehouse.ExecuteAsync("truncate table staging_events, staging_songs");
        await SampleStaging.LoadAsync(warehouse.Db, sample);
        await warehouse.TransformAsync();
    }

    [Test, Description("issue 11: songplays kept the old sample's plays outside the new sample's span, and Verify passed")]
    public async Task Switching_samples_both_ways_equals_a_fresh_build_each_time_and_verify_passes()
    {
        using var folder = new TempDir("switch");
        var generated = (await Generator.WriteAsync(folder.Path, new GeneratorOptions(Scale: 2, Seed: 7), CancellationToken.None)).Directory;
        var real = Repo.RequireSampleData();
        var warehouse = await FreshBuildAsync(generated);

        await SwitchToAsync(warehouse, real);

        var freshReal = await FreshBuildAsync(real);
        Assert.That(await warehouse.StarCountsAsync(), Is.EqualTo(await freshReal.StarCountsAsync()), "generated -> real: counts");
        Assert.That(await ContentsAsync(warehouse), Is.EqualTo(await ContentsAsync(freshReal)), "generated -> real: contents");
        Assert.That((await warehouse.VerifyAsync()).Failures.Select(f => f.Check.Name), Is.Empty);

        await SwitchToAsync(warehouse, generated);

        var freshGenerated = await FreshBuildAsync(generated);
        Assert.That(await warehouse.StarCountsAsync(), Is.EqualTo(await freshGenerated.StarCountsAsync()), "real -> generated: counts");
        Assert.That(await ContentsAsync(warehouse), Is.EqualTo(await ContentsAsync(freshGenerated)), "real -> generated: contents");
        Assert.That((await warehouse.VerifyAsync()).Failures.Select(f => f.Check.Name), Is.Empty);
    }
}
