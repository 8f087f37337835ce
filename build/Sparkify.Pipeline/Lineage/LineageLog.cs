using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Lineage;

/// <summary>
/// Writes each target's OpenLineage events as JSON lines to artifacts/lineage/RUN_ID.jsonl, one file per invocation,
/// ready to POST one by one to a lineage server (docs/report.md). Both events are written when the target ends (the
/// START with the target's start time): Cake tells a skipped target only then, and a skipped target moved no data.
/// </summary>
/// Built once per run with the pieces it uses: the artifacts folder, the run id, the job (the target named on the
/// command line), the dataset names (read when a target ends: Provision may have just made the cluster) and the log.
public sealed class LineageLog(string artifactsDir, string runId, string job, Func<DatasetNames> names, PipelineLog log)
{
    public string Folder => Path.Combine(artifactsDir, "lineage");

    public string FilePath => Path.Combine(Folder, runId + ".jsonl");

    /// Best effort: lineage never fails the run it describes. <paramref name="section"/> reads the run summary's sections.
    public void Record(string target, bool skipped, bool successful, TimeSpan duration, Func<string, JsonNode?> section)
    {
        if (skipped || DataFlow.Of(target) is { Inputs.Count: 0, Outputs.Count: 0 }) return;
        try
        {
            var ended = DateTimeOffset.UtcNow;
            var events = OpenLineageEvent.ForTarget(target, runId, job is { Length: > 0 } ? job : target, ended - duration, ended, successful,
                names(), section);
            Directory.CreateDirectory(Folder);
            File.AppendAllLines(FilePath, events.Select(e => e.ToJsonString(new JsonSerializerOptions { WriteIndented = false })));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.Warning($"lineage events of {target} not written to {FilePath}: {e.Message}");
        }
    }
}
