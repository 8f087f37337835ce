using System.Text.Json.Nodes;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Local.Upload;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// StageCopy's time by phase, for the run summary's "stage_phases" and one log line: the sample upload (local
/// profile), then the loads' list, read, parse, write and analyze summed over both tables, and how many objects were
/// read from the uploaded files instead of fetched from S3.
/// </summary>
public static class StageTimings
{
    public static JsonObject Of(double? upload, IReadOnlyList<LoadResult> loads, LocalMirror? mirror)
    {
        var phases = loads.Select(l => l.Phases).OfType<LoadPhases>().Aggregate(new LoadPhases(0, 0, 0, 0, 0), (a, b) => a + b).Rounded();
        var json = new JsonObject { ["upload"] = upload };
        foreach (var (key, value) in LoadReport.Phases(phases)) json[key] = value?.DeepClone();
        json["loads"] = Math.Round(loads.Sum(l => l.Seconds), 3);
        json["objects_read_locally"] = mirror?.ReadLocally;
        json["objects_fetched"] = mirror?.ReadFromS3;
        json["note"] = "seconds; read and parse are summed over the parser threads, the rest is wall time";
        return json;
    }

    public static string Line(JsonObject phases) =>
        "StageCopy phases (s): " + string.Join(", ", phases.Where(p => p.Key != "note" && p.Value is not null).Select(p => $"{p.Key} {p.Value}"));
}
