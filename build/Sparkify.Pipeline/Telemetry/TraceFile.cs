using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Telemetry;

/// <summary>
/// artifacts/traces/RUN_ID.json: the run's OTLP/JSON ExportTraceServiceRequest, one file per invocation, written
/// when the run ends; then, when [TELEMETRY] otlp_endpoint is set, the same request is sent there (docs/ci.md).
/// </summary>
public static class TraceFile
{
    public static string PathOf(string artifactsDir, string runId) => Path.Combine(artifactsDir, "traces", runId + ".json");

    /// Best effort: a trace that cannot be written or sent warns and never fails the run.
    public static async Task WriteAsync(JsonObject summary, string pipeline, string artifactsDir, string? endpoint, PipelineLog log)
    {
        var request = OtlpTrace.From(summary, pipeline);
        var path = PathOf(artifactsDir, summary["run_id"]?.ToString() ?? "run");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, request.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            log.Verbose($"trace written to {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Warning($"trace not written to {path}: {e.Message}");
        }
        if (endpoint is null) return;
        // Not the run's token: a cancelled run's trace is sent too.
        if (await OtlpExport.SendAsync(endpoint, request, CancellationToken.None) is { } problem)
            log.Warning($"trace not exported: {problem}");
        else
            log.Verbose($"trace exported to {OtlpExport.TracesUrl(endpoint)}");
    }
}
