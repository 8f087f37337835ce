using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// Where a run's record goes when it ends. Every invocation keeps its own, artifacts/runs/RUN_ID.json;
/// artifacts/run-summary.json is the record of the last run that changed the warehouse, so a Query, Connect, Status,
/// Plan, Report, Generate, Benchmark or Test afterwards never replaces the Etl's loads, checks and timings
/// (docs/ci.md, "Run records").
/// </summary>
public static class RunHistory
{
    public static string RecordPath(string artifactsDir, string runId) => Path.Combine(artifactsDir, "runs", runId + ".json");

    public static string SummaryPath(string artifactsDir) => Path.Combine(artifactsDir, "run-summary.json");

    /// Whether the run changed the warehouse or its infrastructure: it held the writer lock (CreateTables, StageCopy,
    /// Transform, Verify and Teardown take it; a writer refused by another run's lock changed nothing), Provision ran and
    /// did not find everything in place, or Teardown did its work (it succeeded, or recorded what it removed: a
    /// warehouse that is not running has no lock to take). <paramref name="section"/> reads the run summary's sections.
    public static bool ChangedWarehouse(IEnumerable<TargetOutcome> targets, bool heldWriterLock, Func<string, JsonNode?> section) =>
        heldWriterLock || targets.Any(t => t.Status != "skipped" && t.Name switch
        {
            "Provision" => (section("provision")?["Created"] as JsonArray)?.Count != 0,
            "Teardown" => t.Status == "succeeded" || section("teardown") is not null,
            _ => false,
        });

    /// Writes the run's own record, and run-summary.json when it changed the warehouse; returns the path of the record
    /// that describes this run best (run-summary.json when it was written).
    public static async Task<string> WriteAsync(string artifactsDir, JsonObject record, bool changedWarehouse)
    {
        var own = RecordPath(artifactsDir, record["run_id"]!.ToString());
        await RunSummary.WriteAsync(own, record, CancellationToken.None);
        if (!changedWarehouse) return own;
        var summary = SummaryPath(artifactsDir);
        await RunSummary.WriteAsync(summary, record, CancellationToken.None);
        return summary;
    }
}
