using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Tests.Loading.Ledger;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// Issue 27, daily operation: ./build.sh Etl after one new day, killed (kill -9 of its process tree) inside its daily
/// Transform, before and after that Transform deletes the staging_changes it read (in its own transaction). The rerun
/// must do the same daily run over the same day, and end with the star tables equal to a fresh build of the same files,
/// staging_changes empty, every staged row's object in the ledger, and Verify green.
/// </summary>
[Description("issue 27: kill -9 in the middle of a daily Transform, then converge")]
public class DailyCrashTests : EtlWithoutTheLastDay
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [TestCase("transform:after:50_songplays.sql", Description = "the day's facts written, staging_changes not yet deleted")]
    [TestCase("transform:after:staging_changes_consumed", Description = "staging_changes deleted, not yet committed")]
    public async Task A_daily_etl_killed_inside_its_transform_reruns_the_same_day_and_equals_a_fresh_build(string point)
    {
        // Arrange: one new day, and a run that stages it, then dies at the point inside its daily Transform.
        Sample.AddLastDay();
        List<string> pendingAtTheKill;
        using (var doomed = BuildProcess.Start(Build, new Dictionary<string, string> { [PausePoint.Variable] = point }, "Etl", Sample.Option))
        {
            doomed.WaitForLine($"pause point {point} reached", Patience);
            // What other sessions see while it is paused: the load's committed change (the deletion is not committed).
            pendingAtTheKill = await BuildWarehouse.RowsAsync(Build, "select object_key || ' ' || change from staging_changes");
            doomed.KillTree();
            doomed.WaitForExit(TimeSpan.FromSeconds(30));
        }

        // Act
        var rerun = Build.Run("Etl", Sample.Option);

        // Assert
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Output);
        Assert.That(pendingAtTheKill, Is.EqualTo(new[] { $"{SampleCopy.LastDay} added" }), "the killed run had staged the new day");
        var summary = BuildWarehouse.Summary(Build);
        Assert.That(summary["transform"]!["daily_days"]?.ToJsonString(), Is.EqualTo("[\"2018-11-30\"]"),
            "the rerun found the killed run's changes and redid the same daily run: " + summary["transform"]!.ToJsonString());
        var warehouse = BuildWarehouse.Of(Build);
        Assert.That(await WarehouseChecksums.OfAsync(warehouse, WarehouseChecksums.Star), Is.EqualTo(await Sample.FreshStarAsync()));
        Assert.That(await BuildWarehouse.RowsAsync(Build, "select count(*) from staging_changes"), Is.EqualTo(new[] { "0" }), "consumed by the rerun");
        Assert.That(await BuildWarehouse.RowsAsync(Build, "select count(*) from load_ledger where table_name = 'staging_events' and status = 'loaded'"),
            Is.EqualTo(new[] { "30" }), "each day's log once");
        Assert.That(await LedgerBucket.LedgerAgreementAsync(warehouse, "staging_events"), Is.EqualTo((0L, 0L)));
        var checks = summary["quality"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()).ToList();
        Assert.That(checks, Is.Not.Empty.And.All.AnyOf("passed", "info"), "Verify green after the rerun");

        // The next case starts from the warehouse without the last day again (a daily run of its own: a day removed).
        Sample.HoldBackLastDay();
        Assert.That(Build.Run("Etl", Sample.Option).ExitCode, Is.EqualTo(0));
    }
}
