using System.Globalization;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Aws.Serverless;

/// Reading members of a JSON answer leniently: a missing or mistyped member is null, never an exception.
static class ServerlessJson
{
    public static string? Text(JsonNode? node, string member) =>
        node is JsonObject o && o[member] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static long? Number(JsonNode? node, string member) =>
        node is JsonObject o && o[member] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    public static IReadOnlyList<string> Texts(JsonNode? node, string member) =>
        node is JsonObject o && o[member] is JsonArray a ? a.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>().ToList() : [];

    /// JSON protocol timestamps are epoch seconds (a number, maybe fractional); ISO 8601 text is read as well.
    public static DateTimeOffset? Time(JsonNode? node, string member)
    {
        if (node is not JsonObject o || o[member] is not JsonValue v) return null;
        if (v.TryGetValue<double>(out var seconds)) return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        return v.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
