using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Lineage;

/// <summary>
/// OpenLineage run events (spec 2-0-2) for one target: a START at the target's start and a COMPLETE or FAIL at its
/// end, with the datasets it read and wrote and, where the run summary knows them, row counts as the
/// outputStatistics facet (and object counts and bytes of S3 inputs as inputStatistics). Each target is a job of the
/// "sparkify-dwh" namespace; the ParentRunFacet ties the targets of one invocation to the target that was asked for.
/// </summary>
public static class OpenLineageEvent
{
    public const string JobNamespace = "sparkify-dwh";
    public const string Producer = "https://github.com/sparkify-dwh/sparkify-dwh";
    const string Spec = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
    const string OutputStatistics = "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet";
    const string InputStatistics = "https://openlineage.io/spec/facets/1-0-0/InputStatisticsInputDatasetFacet.json#/$defs/InputStatisticsInputDatasetFacet";
    const string ParentFacet = "https://openlineage.io/spec/facets/1-1-0/ParentRunFacet.json#/$defs/ParentRunFacet";

    /// The two events of one target run. <paramref name="summary"/> is the run summary so far (loads, transform).
    public static IReadOnlyList<JsonObject> ForTarget(string target, string runId, string requested, DateTimeOffset started,
        DateTimeOffset ended, bool succeeded, DatasetNames names, Func<string, JsonNode?> summary)
    {
        var (inputs, outputs) = DataFlow.Of(target);
        var id = Uuid($"{runId}/{target}");
        JsonObject Event(string type, DateTimeOffset time, bool withStats) => new()
        {
            ["eventType"] = type,
            ["eventTime"] = time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
            ["run"] = new JsonObject
            {
                ["runId"] = id.ToString(),
                ["facets"] = new JsonObject
                {
                    ["parent"] = new JsonObject
                    {
                        ["_producer"] = Producer, ["_schemaURL"] = ParentFacet,
                        ["run"] = new JsonObject { ["runId"] = Uuid(runId).ToString() },
                        ["job"] = new JsonObject { ["namespace"] = JobNamespace, ["name"] = requested },
                    },
                },
            },
            ["job"] = new JsonObject { ["namespace"] = JobNamespace, ["name"] = target },
            ["inputs"] = new JsonArray(inputs.Select(n => (JsonNode)Dataset(n, names, withStats ? InputFacet(n, summary) : null, "inputFacets")).ToArray()),
            ["outputs"] = new JsonArray(outputs.Select(n => (JsonNode)Dataset(n, names, withStats ? OutputFacet(n, summary) : null, "outputFacets")).ToArray()),
            ["producer"] = Producer,
            ["schemaURL"] = Spec + "#/$defs/RunEvent",
        };
        return [Event("START", started, false), Event(succeeded ? "COMPLETE" : "FAIL", ended, succeeded)];
    }

    static JsonObject Dataset(string node, DatasetNames names, JsonObject? facet, string facetsKey)
    {
        var (ns, name) = names.Of(node);
        var dataset = new JsonObject { ["namespace"] = ns, ["name"] = name };
        if (facet is not null) dataset[facetsKey] = facet;
        return dataset;
    }

    /// S3 inputs of StageCopy: the objects the load listed and the bytes it read (loads[].objects_listed, loads[].bytes).
    static JsonObject? InputFacet(string node, Func<string, JsonNode?> summary)
    {
        if (node is not (DataFlow.LogData or DataFlow.SongData) || Load(summary, DataFlow.StagingOf(node)) is not { } load) return null;
        return new JsonObject
        {
            ["inputStatistics"] = new JsonObject
            {
                ["_producer"] = Producer, ["_schemaURL"] = InputStatistics,
                ["fileCount"] = Number(load["objects_listed"]), ["size"] = Number(load["bytes"]),
            },
        };
    }

    /// Rows written: a staging table's loaded rows, a star table's inserted plus updated rows (transform.tables).
    static JsonObject? OutputFacet(string node, Func<string, JsonNode?> summary)
    {
        var rows = Number(Load(summary, node)?["rows"]);
        if (rows is null && summary("transform")?["tables"]?[node] is JsonObject t)
            rows = (Number(t["inserted"]) ?? 0) + (Number(t["updated"]) ?? 0);
        if (rows is null) return null;
        return new JsonObject
        {
            ["outputStatistics"] = new JsonObject { ["_producer"] = Producer, ["_schemaURL"] = OutputStatistics, ["rowCount"] = rows },
        };
    }

    /// A whole number of the summary, however it was built (a JsonValue made from an int is no long to GetValue).
    public static long? Number(JsonNode? node) =>
        node is JsonValue && long.TryParse(node.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    static JsonNode? Load(Func<string, JsonNode?> summary, string table) =>
        summary("loads") is JsonArray loads ? loads.FirstOrDefault(l => l?["table"]?.GetValue<string>() == table) : null;

    /// A stable name-based UUID (RFC 9562 version 5, SHA-1), so a run's START and COMPLETE share one runId.
    public static Guid Uuid(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(JobNamespace + "/" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
