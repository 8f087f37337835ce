using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// The real public sample, from a local directory: the counts published for Redshift loads of the same files.
public class SampleLoadTests
{
    [Test]
    public async Task Sample_loads_8056_events_and_71_songs_with_no_errors_twice_without_duplicates()
    {
        var db = await WithStagingTablesAsync();
        var copies = StagingCopies.Under(Repo.RequireSampleData(), Options() with { BlanksAsNull = true, EmptyAsNull = true, TimeFormat = TimeFormat.EpochMillisecs });

        for (var run = 1; run <= 2; run++)
        {
            var events = await ClientCopy.RunAsync(db, copies[0], Context(), CancellationToken.None);
            var songs = await ClientCopy.RunAsync(db, copies[1], Context(), CancellationToken.None);

            Assert.That((events.Rows, events.ObjectsListed, events.Rejected), Is.EqualTo((8056L, 30, 0)), $"run {run}");
            Assert.That((songs.Rows, songs.ObjectsListed, songs.Rejected), Is.EqualTo((71L, 71, 0)), $"run {run}");
            Assert.That(await CountAsync(db, "staging_events"), Is.EqualTo(8056), $"run {run}");
            Assert.That(await CountAsync(db, "staging_songs"), Is.EqualTo(71), $"run {run}");
        }
        Assert.That(await CountAsync(db, "load_errors"), Is.EqualTo(0));
    }

    [Test]
    public async Task Sample_values_land_typed_and_unrounded()
    {
        var db = await WithStagingTablesAsync();
        var copies = StagingCopies.Under(Repo.RequireSampleData(), Options() with { EmptyAsNull = true });
        await ClientCopy.RunAsync(db, copies[0], Context(), CancellationToken.None);
        await ClientCopy.RunAsync(db, copies[1], Context(), CancellationToken.None);

        var first = (await RowsAsync(db,
            "select first_name, registration, ts, user_id, session_id, artist, user_agent from staging_events where ts = 1541105830796"))[0];
        Assert.That(first, Is.EqualTo(new object?[] { "Walter", 1540919166796.0, 1541105830796L, "39", 38, null,
            "\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36\"" }));
        Assert.That(await ScalarAsync(db, "select count(*) from staging_events where page = 'NextSong'"), Is.EqualTo(6820));
        Assert.That(await ScalarAsync(db, "select duration from staging_songs where song_id = 'SOMZWCG12A8C13C480'"), Is.EqualTo(218.93179));
    }

    [Test]
    [Description("Without statistics PostgreSQL planned Transform for empty staging tables: 18.9 s instead of 2.5 s at scale 10")]
    public async Task Load_leaves_fresh_planner_statistics()
    {
        var db = await WithStagingTablesAsync();
        var copies = StagingCopies.Under(Repo.RequireSampleData(), Options());

        await ClientCopy.RunAsync(db, copies[0], Context(), CancellationToken.None);

        // reltuples is -1 until a table is first analyzed (PostgreSQL 14+), and exact after ANALYZE of a small table.
        Assert.That(await ScalarAsync(db, "select reltuples::bigint from pg_class where relname = 'staging_events'"), Is.EqualTo(8056));
    }
}
