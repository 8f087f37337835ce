using System.Text.Json.Nodes;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.Runs;

/// Every invocation keeps its own record; run-summary.json stays the last run that changed the warehouse.
[NonParallelizable]
[Description("Issue 28 (1): run history")]
public class RunHistoryTests
{
    [Test]
    public void After_Etl_then_Connect_Query_and_Status_the_run_summary_still_holds_the_Etl_and_each_run_has_its_record()
    {
        using var build = new BuildScript();
        var etl = build.Run("Etl");
        Assert.That(etl.ExitCode, Is.EqualTo(0), etl.Output);
        var etlId = BuildWarehouse.Summary(build)["run_id"]!.GetValue<string>();

        foreach (var words in new[] { new[] { "Connect" }, ["Query", "--sql=select count(*) as plays from songplays"], ["Status"] })
        {
            var result = build.Run(words);
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        }

        var summary = BuildWarehouse.Summary(build);
        Assert.That(summary["run_id"]!.GetValue<string>(), Is.EqualTo(etlId));
        Assert.That(summary["targets"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()),
            Is.EqualTo(new[] { "Provision", "CreateTables", "StageCopy", "Transform", "Verify", "Report", "Etl" }));
        Assert.That(summary["quality"]!.AsArray(), Is.Not.Empty, "the Etl's checks are still there");
        var records = BuildWarehouse.Records(build);
        Assert.That(records.Select(r => r["targets"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Last()),
            Is.EqualTo(new[] { "Etl", "Connect", "Query", "Status" }));
        Assert.That(records[0].ToJsonString(), Is.EqualTo(summary.ToJsonString()), "the Etl's record is the run summary");
        Assert.That(records.Select(r => r["run_id"]!.GetValue<string>()).Distinct().Count(), Is.EqualTo(4));
        Assert.That(records.Select(r => r["status"]!.GetValue<string>()), Is.All.EqualTo("succeeded"));
        foreach (var record in records)
            Assert.That(File.Exists(Path.Combine(build.ArtifactsDir, "traces", record["run_id"] + ".json")), Is.True,
                $"the trace of run {record["run_id"]}");
    }

    static TargetOutcome[] Ran(string status, params string[] targets) =>
        targets.Select(t => new TargetOutcome(t, status, 1, DateTimeOffset.UtcNow)).ToArray();

    static Func<string, JsonNode?> Sections(int? created = null, bool teardown = false) => name => name switch
    {
        "provision" when created is { } n => new JsonObject { ["Created"] = new JsonArray(Enumerable.Range(0, n).Select(i => (JsonNode)$"thing {i}").ToArray()) },
        "teardown" when teardown => new JsonObject(),
        _ => null,
    };

    [Test]
    public void Only_a_run_that_held_the_writer_lock_created_infrastructure_or_tore_down_changed_the_warehouse()
    {
        Assert.That(RunHistory.ChangedWarehouse(Ran("succeeded", "Query"), false, Sections()), Is.False);
        Assert.That(RunHistory.ChangedWarehouse(Ran("succeeded", "Report"), false, Sections()), Is.False);
        Assert.That(RunHistory.ChangedWarehouse(Ran("succeeded", "Verify"), true, Sections()), Is.True);
        Assert.That(RunHistory.ChangedWarehouse([..Ran("succeeded", "Provision"), ..Ran("failed", "CreateTables")], false, Sections(created: 0)),
            Is.False, "a writer refused by another run's lock, after a Provision that found everything in place");
        Assert.That(RunHistory.ChangedWarehouse(Ran("succeeded", "Provision"), false, Sections(created: 2)), Is.True);
        Assert.That(RunHistory.ChangedWarehouse(Ran("succeeded", "Teardown"), false, Sections()), Is.True);
        Assert.That(RunHistory.ChangedWarehouse(Ran("failed", "Teardown"), false, Sections()), Is.False, "a Teardown refused by the lock");
        Assert.That(RunHistory.ChangedWarehouse(Ran("failed", "Teardown"), false, Sections(teardown: true)), Is.True);
        Assert.That(RunHistory.ChangedWarehouse(Ran("skipped", "Teardown"), false, Sections()), Is.False);
    }
}
