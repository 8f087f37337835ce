using System.Diagnostics;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Tests.Loading.Ledger;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// Issue 27, daily operation: two ./build.sh Etl started together on the same warehouse after its source changed by one
/// day. Whichever takes the writer lock first writes (held in the middle of its staging load by a pause point both
/// runs are given, so the other surely asks while it writes); the other is refused, or with --wait waits and then finds
/// nothing left to do. The warehouse ends equal to a fresh build of the same files, with no duplicate rows and exact
/// ledger counts.
/// </summary>
[Description("issue 27: two daily runs at once, one writer")]
public class DailyConcurrentRunsTests : EtlWithoutTheLastDay
{
    const string Point = "copy:staging_events:before:ledger";
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Test, Order(1)]
    public async Task Two_daily_etls_started_together_write_once_and_the_second_is_refused()
    {
        Sample.AddLastDay();
        var (writer, other, release) = StartTwo();
        using (writer)
        using (other)
        {
            WhileOneWrites(other, until: null, release);
            var refusedExit = other.WaitForExit(Patience);
            var writing = !writer.HasExited;
            File.WriteAllText(release, "");
            Assert.That(writer.WaitForExit(Patience), Is.EqualTo(0), writer.Output);
            Assert.That((refusedExit, writing), Is.EqualTo((1, true)), "refused while the other wrote: " + other.Output);
            Assert.That(other.Output, Does.Contain("another run is writing the warehouse").And.Contain($"pid {writer.Pid}"));
            Assert.That(other.Output, Does.Not.Contain("Executing COPY"));
        }
        var events = Loads(BuildWarehouse.Summary(Build))["staging_events"];
        Assert.That(events?["objects"]?.ToJsonString(), Is.EqualTo("""{"added":1,"changed":0,"removed":0,"unchanged":29,"rejected":0}"""));
        await AssertEqualsAFreshBuildAsync(daysLoaded: 30);
    }

    [Test, Order(2)]
    public async Task Two_daily_etls_started_together_with_wait_write_one_after_the_other_and_the_second_finds_nothing_to_do()
    {
        Sample.HoldBackLastDay();
        var (writer, waiter, release) = StartTwo("--wait");
        using (writer)
        using (waiter)
        {
            WhileOneWrites(waiter, until: "Waiting for the writer", release);
            File.WriteAllText(release, "");
            Assert.That(writer.WaitForExit(Patience), Is.EqualTo(0), writer.Output);
            Assert.That(waiter.WaitForExit(Patience), Is.EqualTo(0), waiter.Output);
        }
        var records = BuildWarehouse.Records(Build)[^2..];
        Assert.That(records.Select(r => Loads(r)["staging_events"]?["objects"]?["removed"]?.GetValue<int>()),
            Is.EqualTo(new int?[] { 1, 0 }), "the writer removed the day; the waiter, after it, found nothing changed");
        Assert.That(records[1]["transform"]?["up_to_date_since"]?.GetValue<string>(), Is.EqualTo(records[0]["run_id"]!.GetValue<string>()),
            "the waiter's Transform was up to date with the writer's");
        await AssertEqualsAFreshBuildAsync(daysLoaded: 29);
    }

    /// Two Etl at once, both armed to pause at the point until the release file exists: the one that pauses holds the lock.
    (BuildProcess Writer, BuildProcess Other, string Release) StartTwo(params string[] extra)
    {
        var release = Path.Combine(Build.StateDir, "..", $"release-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string> { [PausePoint.Variable] = $"{Point}@600", [PausePoint.ReleaseVariable] = release };
        var a = BuildProcess.Start(Build, environment, ["Etl", Sample.Option, "--verbose", .. extra]);
        var b = BuildProcess.Start(Build, environment, ["Etl", Sample.Option, "--verbose", .. extra]);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            foreach (var (one, two) in new[] { (a, b), (b, a) })
                if (one.Output.Contains($"pause point {Point} reached", StringComparison.Ordinal)) return (one, two, release);
            if (a.HasExited && b.HasExited) break;
            Thread.Sleep(100);
        }
        File.WriteAllText(release, "");
        Assert.Fail($"neither run reached {Point}:\n--- first\n{a.Output}\n--- second\n{b.Output}");
        throw new UnreachableException();
    }

    /// Waits until the other run ends (or prints <paramref name="until"/>); fails at once if it reaches the point too:
    /// then both are writing the warehouse.
    static void WhileOneWrites(BuildProcess other, string? until, string release)
    {
        var clock = Stopwatch.StartNew();
        while (!(until is null ? other.HasExited : other.Output.Contains(until, StringComparison.Ordinal)))
        {
            var problem = other.Output.Contains($"pause point {Point} reached", StringComparison.Ordinal) ? "both runs are writing the warehouse at once"
                : until is not null && other.HasExited ? $"the other run ended before '{until}'"
                : clock.Elapsed > Patience ? (until is null ? "the other run was not refused" : $"the other run did not say '{until}'") +
                                             $" within {Patience.TotalMinutes:0} minutes (blocked behind the writer's table locks?)" : null;
            if (problem is not null)
            {
                File.WriteAllText(release, "");
                Assert.Fail($"{problem}:\n{other.Output}");
            }
            Thread.Sleep(100);
        }
    }

    async Task AssertEqualsAFreshBuildAsync(int daysLoaded)
    {
        var warehouse = BuildWarehouse.Of(Build);
        Assert.That(await WarehouseChecksums.OfAsync(warehouse, WarehouseChecksums.Star), Is.EqualTo(await Sample.FreshStarAsync()));
        var fresh = await Sample.FreshStagingAsync();
        string[] staging = ["staging_events", "staging_songs"];
        Assert.That(await WarehouseChecksums.OfAsync(warehouse, staging), Is.EqualTo(await WarehouseChecksums.OfAsync(fresh, staging)),
            "staging holds each object's rows once");
        Assert.That(await BuildWarehouse.RowsAsync(Build, "select count(*) from staging_changes"), Is.EqualTo(new[] { "0" }));
        Assert.That(await BuildWarehouse.RowsAsync(Build,
                "select table_name || ' ' || count(*) || ' ' || count(distinct object_key) from load_ledger where status = 'loaded' group by table_name order by table_name"),
            Is.EqualTo(new[] { $"staging_events {daysLoaded} {daysLoaded}", "staging_songs 71 71" }));
        foreach (var table in staging)
            Assert.That(await LedgerBucket.LedgerAgreementAsync(warehouse, table), Is.EqualTo((0L, 0L)), table);
    }

    static Dictionary<string, JsonNode?> Loads(JsonNode record) =>
        (record["loads"]?.AsArray() ?? []).ToDictionary(l => l!["table"]!.GetValue<string>(), l => l);
}
