using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Lineage;

/// <summary>
/// Writes each target's OpenLineage events as JSON lines to artifacts/lineage/RUN_ID.jsonl, one file per invocation,
/// ready to POST one by one to a lineage server (docs/report.md). Both events are written when the target ends (the
/// START with the target's start time): Cake tells a skipped target only then, and a skipped target moved no data.
/// </summary>
public static class LineageLog
{
    public static string Folder(Run run) => Path.Combine(run.ArtifactsDir, "lineage");

    public static string PathOf(Run run) => Path.Combine(Folder(run), run.Id + ".jsonl");

    /// Best effort: lineage never fails the run it describes.
    public static void Record(Run run, string target, bool skipped, bool successful, TimeSpan duration)
    {
        if (skipped || DataFlow.Of(target) is { Inputs.Count: 0, Outputs.Count: 0 }) return;
        try
        {
            var ended = DateTimeOffset.UtcNow;
            var events = OpenLineageEvent.ForTarget(target, run.Id, run.Target is { Length: > 0 } named ? named : target, ended - duration, ended, successful,
                DatasetNames.For(run), run.Summary.Get);
            Directory.CreateDirectory(Folder(run));
            File.AppendAllLines(PathOf(run), events.Select(e => e.ToJsonString(new JsonSerializerOptions { WriteIndented = false })));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Log.Warning($"lineage events of {target} not written to {PathOf(run)}: {e.Message}");
        }
    }
}
