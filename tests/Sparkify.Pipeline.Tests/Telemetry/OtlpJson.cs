using System.Text.Json.Nodes;
using Google.Protobuf;
using Sparkify.Pipeline.Tests.Telemetry.Otlp;

namespace Sparkify.Pipeline.Tests.Telemetry;

/// <summary>
/// Reads an OTLP/JSON trace request with real protobuf classes (generated from otlp_trace.proto) and Google.Protobuf's
/// strict JsonParser: a field the mapping does not define, a wrong type or a misspelt name fails. OTLP/JSON's two
/// differences from the protobuf JSON mapping (opentelemetry-proto docs/specification.md, "JSON Protobuf Encoding")
/// are checked here first: ids are hex (16 bytes trace, 8 bytes span), and enums are integers, never names.
/// </summary>
public static class OtlpJson
{
    static readonly JsonParser Strict = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static ExportTraceServiceRequest Parse(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        foreach (var span in Spans(root))
        {
            HexToBase64(span, "traceId", 16);
            HexToBase64(span, "spanId", 8);
            if (span.ContainsKey("parentSpanId")) HexToBase64(span, "parentSpanId", 8);
            Assert.That(span["kind"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number), "kind is an integer in OTLP/JSON");
            if (span["status"]?["code"] is { } code)
                Assert.That(code.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number), "status.code is an integer in OTLP/JSON");
        }
        return Strict.Parse<ExportTraceServiceRequest>(root.ToJsonString());
    }

    /// The string value of an attribute, or its int value as text; null when the span has no such key.
    public static string? Attribute(Google.Protobuf.Collections.RepeatedField<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value switch
        {
            null => null,
            { ValueCase: AnyValue.ValueOneofCase.StringValue } v => v.StringValue,
            { ValueCase: AnyValue.ValueOneofCase.IntValue } v => v.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            var v => v.ToString(),
        };

    static IEnumerable<JsonObject> Spans(JsonObject root) =>
        (root["resourceSpans"] as JsonArray ?? []).SelectMany(r => r?["scopeSpans"] as JsonArray ?? [])
        .SelectMany(s => s?["spans"] as JsonArray ?? []).OfType<JsonObject>();

    static void HexToBase64(JsonObject span, string key, int bytes)
    {
        var hex = span[key]?.GetValue<string>();
        Assert.That(hex, Does.Match($"^[0-9a-fA-F]{{{bytes * 2}}}$"), $"{key} is {bytes} bytes as hex");
        span[key] = Convert.ToBase64String(Convert.FromHexString(hex!));
    }
}
