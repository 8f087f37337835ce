using System.Globalization;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Telemetry;

/// A whole number of the run summary, whichever CLR type the target stored it as (int, long) or read back from a file.
static class JsonNumber
{
    public static long Long(JsonNode? node) =>
        node is JsonValue && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static double Double(JsonNode? node) =>
        node is JsonValue && double.TryParse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
