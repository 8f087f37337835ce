using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Tests.Loading.Ledger;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;
using static Sparkify.Pipeline.Tests.Loading.Ledger.LedgerBucket;

namespace Sparkify.Pipeline.Tests.Modeling;

/// Issue 27 (2, 6), end to end on real moto and PostgreSQL: the ledger's loads write staging_changes, Transform reads
/// them, and after each day of a sequence the star tables equal a fresh build of the same objects.
[Description("issue 27: Transform recomputes only what the changed objects touch")]
public class DailyLedgerTransformTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);

    static Task<TransformResult> TransformAsync(WarehouseEndpoint db, string runId) =>
        Transform.RunAsync(db, Sql, null, runId, CancellationToken.None, skipUpToDate: true);

    [Test]
    public async Task A_sequence_of_daily_loads_and_transforms_equals_a_fresh_build_after_each_day()
    {
        var bucket = await CreateAsync(days: 3, songs: 3);
        var db = await WithStagingTablesAsync();
        await bucket.LoadAsync(db, "load-1");
        Assert.That((await TransformAsync(db, "transform-1")).Range.Full, Is.True, "the first Transform builds everything");
        var steps = new (string Name, Func<Task> Change, string Scope)[]
        {
            ("a day added", () => bucket.PutDayAsync(4, 3), "daily run over the changed days 2018-11-04"),
            ("a day edited, same size", () => bucket.PutDayAsync(2, 2, user: "8"), "daily run over the changed days 2018-11-02 and the clean-up of a full run"),
            ("a day's rows moved to another day", () => bucket.PutDayAsync(3, 2, onDay: 6), "daily run over the changed days 2018-11-03..2018-11-06 and the clean-up of a full run"),
            ("a day deleted", () => bucket.Bucket.DeleteAsync(DayKey(1)), "daily run over the changed days 2018-11-01 and the clean-up of a full run"),
            ("a song added", () => bucket.Bucket.PutAsync(SongKey(4), Song(4)), "full run (everything staged)"),
        };
        var n = 1;
        foreach (var (name, change, scope) in steps)
        {
            n++;
            await change();
            await bucket.LoadAsync(db, $"load-{n}");

            var result = await TransformAsync(db, $"transform-{n}");

            Assert.That(result.Range.ToString(), Is.EqualTo(scope), name);
            Assert.That(await WarehouseChecksums.OfAsync(db, WarehouseChecksums.Star), Is.EqualTo(await FreshBuildAsync(bucket)), $"{name}: a fresh build");
            Assert.That(await ScalarAsync(db, "select count(*) from staging_changes"), Is.EqualTo(0L), $"{name}: consumed");
        }
    }

    static async Task<Dictionary<string, string>> FreshBuildAsync(LedgerBucket bucket)
    {
        var fresh = await WithStagingTablesAsync();
        await bucket.LoadAsync(fresh, NewRunId());
        await Transform.RunAsync(fresh, Sql, null, "fresh", CancellationToken.None);
        return await WarehouseChecksums.OfAsync(fresh, WarehouseChecksums.Star);
    }
}
