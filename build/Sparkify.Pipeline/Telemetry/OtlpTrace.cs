using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Telemetry;

/// <summary>
/// One invocation as an OTLP trace: an ExportTraceServiceRequest in OTLP/JSON (the protobuf JSON mapping with ids as
/// hex and enums as integers, opentelemetry-proto docs/specification.md), built from the run summary. A root span for
/// the invocation (kind SERVER, "RUN Etl") and one child span per target (kind INTERNAL), named and attributed as
/// OpenTelemetry's CI/CD semantic conventions say (cicd.pipeline.*), with rows and bytes as sparkify.* attributes.
/// </summary>
public static class OtlpTrace
{
    public const string Service = "sparkify-dwh";
    const int KindInternal = 1, KindServer = 2, StatusOk = 1, StatusError = 2;

    /// <paramref name="pipeline"/>: the target named on the command line (the pipeline this run ran).
    public static JsonObject From(JsonObject summary, string pipeline)
    {
        var runId = Text(summary, "run_id");
        var ids = new SpanIds(runId);
        var started = Time(summary["started_at"]);
        var finished = Time(summary["finished_at"]);
        var root = Span(ids.Trace, ids.Root, null, $"RUN {pipeline}", KindServer, started, finished,
            Result(Text(summary, "status")), SpanAttributes.Pipeline(pipeline, runId, summary));
        var spans = new JsonArray(root);
        foreach (var target in (summary["targets"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(target, "name");
            var start = Time(target["started_at"]) ?? started;
            var end = start?.AddSeconds(JsonNumber.Double(target["seconds"]));
            var attributes = SpanAttributes.Task(pipeline, runId, name, Result(Text(target, "status")), summary);
            spans.Add(Span(ids.Trace, ids.Of(name), ids.Root, name, KindInternal, start, end, Result(Text(target, "status")), attributes));
        }
        return new JsonObject
        {
            ["resourceSpans"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject
                {
                    ["attributes"] = new JsonArray(
                        SpanAttributes.String("service.name", Service),
                        SpanAttributes.String("cicd.pipeline.name", pipeline),
                        SpanAttributes.String("cicd.pipeline.run.id", runId),
                        SpanAttributes.String("sparkify.profile", Text(summary, "profile"))),
                },
                ["scopeSpans"] = new JsonArray(new JsonObject
                {
                    ["scope"] = new JsonObject { ["name"] = "Sparkify.Pipeline" },
                    ["spans"] = spans,
                }),
            }),
        };
    }

    /// The CI/CD conventions' result values (cicd.pipeline.result, cicd.pipeline.task.run.result) for a run-summary status.
    public static string Result(string status) => status switch
    {
        "succeeded" => "success",
        "skipped" => "skip",
        "cancelled" => "cancellation",
        _ => "failure",
    };

    static JsonObject Span(string traceId, string spanId, string? parent, string name, int kind, DateTimeOffset? start,
        DateTimeOffset? end, string result, JsonArray attributes)
    {
        var span = new JsonObject { ["traceId"] = traceId, ["spanId"] = spanId };
        if (parent is not null) span["parentSpanId"] = parent;
        span["name"] = name;
        span["kind"] = kind;
        span["startTimeUnixNano"] = UnixNano(start);
        span["endTimeUnixNano"] = UnixNano(end ?? start);
        span["attributes"] = attributes;
        // Recording-errors convention: ERROR with a description on failure; a success is OK; a skip or a
        // cancellation leaves the status unset.
        if (result == "failure") span["status"] = new JsonObject { ["message"] = $"{name} failed", ["code"] = StatusError };
        else if (result == "success") span["status"] = new JsonObject { ["code"] = StatusOk };
        return span;
    }

    static string Text(JsonObject json, string key) => json[key] is JsonValue value ? value.ToString() : "";

    static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue value && value.ToString() is var text && DateTimeOffset.TryParse(text, null, System.Globalization.DateTimeStyles.RoundtripKind, out var t)
            ? t : null;

    /// fixed64 in the JSON mapping: a decimal string.
    static string UnixNano(DateTimeOffset? time) =>
        time is { } t ? ((t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
}
