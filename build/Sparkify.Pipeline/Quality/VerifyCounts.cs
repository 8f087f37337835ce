using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Quality;

/// <summary>
/// What Verify records in its etl_runs row's counts: {"checks": {check: violations}, "tables": {table: rows}}, so the
/// warehouse keeps each run's outcome per check and the size of each table, and the report can draw their trends.
/// Rows written before the tables were recorded hold the checks alone, flat ({check: violations}); both are read.
/// </summary>
public sealed record VerifyCounts(IReadOnlyDictionary<string, long> Checks, IReadOnlyDictionary<string, long> Tables)
{
    public static JsonObject ToJson(IEnumerable<CheckOutcome> outcomes, IReadOnlyDictionary<string, long?> tables) => new()
    {
        ["checks"] = new JsonObject(outcomes.Where(o => !o.Check.Informational)
            .Select(o => KeyValuePair.Create(o.Check.Name, (JsonNode?)o.Rows))),
        ["tables"] = new JsonObject(tables.Where(t => t.Value is not null)
            .Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
    };

    /// The counts of one etl_runs row; empty for NULL or text that is not such JSON.
    public static VerifyCounts Parse(string? text)
    {
        JsonObject? root = null;
        try { root = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { }
        if (root is null) return new VerifyCounts(new Dictionary<string, long>(), new Dictionary<string, long>());
        var nested = root["checks"] is JsonObject;
        return new VerifyCounts(Numbers(nested ? root["checks"] as JsonObject : root), Numbers(root["tables"] as JsonObject));
    }

    static Dictionary<string, long> Numbers(JsonObject? o) => o is null ? new()
        : o.Where(p => p.Value is JsonValue v && v.TryGetValue<long>(out _)).ToDictionary(p => p.Key, p => p.Value!.GetValue<long>());
}
