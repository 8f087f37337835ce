using System.Text.Json.Nodes;
using static Sparkify.Pipeline.Telemetry.JsonNumber;

namespace Sparkify.Pipeline.Telemetry;

/// <summary>
/// The spans' attributes as OTLP KeyValues: the CI/CD semantic conventions' cicd.pipeline.* names (opentelemetry.io
/// semconv registry, "CICD"), and what each target moved under sparkify.* (rows and bytes loaded, rows changed,
/// checks), read from the run summary's sections.
/// </summary>
public static class SpanAttributes
{
    public static JsonArray Pipeline(string pipeline, string runId, JsonObject summary)
    {
        var result = OtlpTrace.Result(summary["status"]?.ToString() ?? "");
        var list = new JsonArray(String("cicd.pipeline.name", pipeline), String("cicd.pipeline.run.id", runId),
            String("cicd.pipeline.action.name", "RUN"), String("cicd.pipeline.result", result));
        if (summary["ci_run_url"] is JsonValue url) list.Add(String("cicd.pipeline.run.url.full", url.ToString()));
        // error.type is required on a failure: the first target that failed names the class of error.
        if (result == "failure" && Targets(summary).FirstOrDefault(t => t["status"]?.ToString() == "failed") is { } failed)
            list.Add(String("error.type", $"{failed["name"]} failed"));
        foreach (var (table, rows) in summary["tables"] as JsonObject ?? [])
            if (rows is not null) list.Add(Int($"sparkify.table.{table}.rows", Long(rows)));
        return list;
    }

    public static JsonArray Task(string pipeline, string runId, string target, string result, JsonObject summary)
    {
        var list = new JsonArray(String("cicd.pipeline.name", pipeline), String("cicd.pipeline.run.id", runId),
            String("cicd.pipeline.task.name", target), String("cicd.pipeline.task.run.id", $"{runId}/{target}"),
            String("cicd.pipeline.task.run.result", result));
        if (result is "skip" or "cancellation") return list;
        foreach (var item in Moved(target, summary)) list.Add(item);
        return list;
    }

    /// What the target moved, as the run summary recorded it.
    static IEnumerable<JsonObject> Moved(string target, JsonObject summary)
    {
        switch (target)
        {
            case "StageCopy" when summary["loads"] is JsonArray loads:
                var tables = loads.OfType<JsonObject>().ToList();
                yield return Int("sparkify.rows", tables.Sum(l => Long(l["rows"])));
                yield return Int("sparkify.bytes", tables.Sum(l => Long(l["bytes"])));
                yield return Int("sparkify.objects", tables.Sum(l => Long(l["objects_listed"])));
                yield return Int("sparkify.rows.rejected", tables.Sum(l => Long(l["rejected"])));
                foreach (var l in tables)
                {
                    yield return Int($"sparkify.table.{l["table"]}.rows", Long(l["rows"]));
                    yield return Int($"sparkify.table.{l["table"]}.bytes", Long(l["bytes"]));
                }
                break;
            case "Transform" when (summary["transform"]?["tables"]) is JsonObject changes:
                yield return Int("sparkify.rows", changes.Sum(c => Long(c.Value?["inserted"]) + Long(c.Value?["updated"])));
                foreach (var (table, c) in changes)
                    yield return Int($"sparkify.table.{table}.rows", Long(c?["inserted"]) + Long(c?["updated"]));
                break;
            case "Verify" when summary["quality"] is JsonArray { Count: > 0 } checks:
                foreach (var status in new[] { "passed", "failed", "info" })
                    yield return Int($"sparkify.checks.{status}", checks.Count(c => c?["status"]?.ToString().ToLowerInvariant() == status));
                break;
            case "Generate" when summary["generate"] is JsonObject generated:
                yield return Int("sparkify.files", Long(generated["files"]));
                yield return Int("sparkify.bytes", Long(generated["bytes"]));
                yield return Int("sparkify.rows", Long(generated["events"]));
                break;
        }
    }

    public static JsonObject String(string key, string value) =>
        new() { ["key"] = key, ["value"] = new JsonObject { ["stringValue"] = value } };

    /// int64 in the JSON mapping: a decimal string.
    public static JsonObject Int(string key, long value) =>
        new() { ["key"] = key, ["value"] = new JsonObject { ["intValue"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) } };

    static IEnumerable<JsonObject> Targets(JsonObject summary) => (summary["targets"] as JsonArray ?? []).OfType<JsonObject>();
}
