using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.Loading.Ledger;

/// <summary>
/// Issue 27: kill -9 between an edited object's rows and its ledger entry on a daily (only what changed) load, as a
/// user's ./build.sh Etl on a copy of the real sample; the rerun reports the same change and ends with staging equal
/// to a fresh load of the same files (rows without object_id, as a multiset), every row's object in the ledger.
/// </summary>
[NonParallelizable]
[Description("issue 27: kill -9 between an object's rows and its ledger entry")]
public class LedgerCrashTests
{
    [Test]
    public async Task A_daily_load_killed_before_its_ledger_entries_converges_on_rerun()
    {
        using var copy = new SampleCopy();
        var sample = copy.Path;
        using var build = new BuildScript();
        var clean = build.Run("Etl", $"--sample={sample}");
        Assert.That(clean.ExitCode, Is.EqualTo(0), clean.Output);
        // One day's log loses its last line: an edited object (new content, fewer rows).
        var day = Path.Combine(sample, "log_data", "2018", "11", "2018-11-05-events.json");
        var lines = File.ReadAllLines(day);
        File.WriteAllLines(day, lines[..^1]);

        const string point = "copy:staging_events:before:ledger";
        using (var doomed = BuildProcess.Start(build, new Dictionary<string, string> { [PausePoint.Variable] = point }, "Etl", $"--sample={sample}"))
        {
            doomed.WaitForLine($"pause point {point} reached", TimeSpan.FromMinutes(5));
            doomed.KillTree();
            doomed.WaitForExit(TimeSpan.FromSeconds(30));
        }
        var rerun = build.Run("Etl", $"--sample={sample}");

        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Output);
        var events = BuildWarehouse.Summary(build)["loads"]![0]!;
        Assert.That(events["objects"]!.ToJsonString(), Is.EqualTo(new ObjectCounts(0, 1, 0, 29, 0).ToJson().ToJsonString()),
            "the killed load committed nothing: the rerun sees the same one change");
        var warehouse = BuildWarehouse.Of(build);
        Assert.That(await LedgerBucket.StagingAsync(warehouse), Is.EqualTo(await LedgerBucket.StagingAsync(await copy.FreshStagingAsync())));
        Assert.That(await LedgerBucket.LedgerAgreementAsync(warehouse, "staging_events"), Is.EqualTo((0L, 0L)));
    }
}
