using System.Text.Json;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Lineage;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// What the report's data docs know of the run that filled the warehouse: the run summary's loads, load_errors,
/// quality and transform sections, and the dataset names of the sources. Inside Etl they come from this run (the
/// summary file is written only when the run ends); a Report run alone reads the last artifacts/run-summary.json.
/// </summary>
public sealed record LastRunSummary(JsonObject Summary, string Source, DatasetNames? Names)
{
    public static LastRunSummary Empty { get; } = new(new JsonObject(), "no run summary", null);

    /// Which target fills each section the data docs read.
    static readonly (string Section, string Target)[] Sections =
        [("loads", "StageCopy"), ("load_errors", "StageCopy"), ("quality", "Verify"), ("transform", "Transform")];

    public static LastRunSummary For(string artifactsDir, RunSummary thisRun, Func<DatasetNames> datasets)
    {
        var path = Path.Combine(artifactsDir, "run-summary.json");
        var summary = Read(path) ?? new JsonObject();
        var fromFile = summary.Count > 0;
        var ran = thisRun.Targets.Where(t => t.Status != "skipped").Select(t => t.Name).ToHashSet();
        var fromThisRun = new List<string>();
        foreach (var (section, target) in Sections)
        {
            if (!ran.Contains(target)) continue;
            summary[section] = thisRun.Get(section)?.DeepClone();
            fromThisRun.Add(section);
        }
        var source = fromThisRun.Count == Sections.Length ? "this run"
            : fromThisRun.Count == 0 ? fromFile ? $"{path} of {summary["started_at"]}" : "no run summary yet (run ./build.sh Etl)"
            : $"this run ({string.Join(", ", fromThisRun.Distinct())}) and {path}";
        DatasetNames? names = null;
        try { names = datasets(); }
        catch (PipelineException) { }
        return new LastRunSummary(summary, source, names);
    }

    static JsonObject? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public JsonArray Array(string section) => Summary[section] as JsonArray ?? [];

    /// loads[] entry of one table, if the run loaded it.
    public JsonObject? Load(string table) =>
        Array("loads").OfType<JsonObject>().FirstOrDefault(l => l["table"]?.GetValue<string>() == table);
}
