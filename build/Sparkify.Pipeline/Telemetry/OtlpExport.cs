using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Telemetry;

/// <summary>
/// Sends a run's trace to the configured OTLP/HTTP endpoint ([TELEMETRY] otlp_endpoint): one POST of the
/// ExportTraceServiceRequest as JSON (Content-Type application/json) to ENDPOINT/v1/traces, the path OTLP/HTTP
/// gives traces. Straight to that address (no proxy), within 10 seconds; a failure is returned, never thrown: the
/// trace file is already written and telemetry never fails the run it describes.
/// </summary>
public static class OtlpExport
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// The traces URL of an OTLP/HTTP base endpoint (http://collector:4318 -> http://collector:4318/v1/traces).
    public static Uri TracesUrl(string endpoint) => new(endpoint.TrimEnd('/') + "/v1/traces");

    /// Null when the collector took the spans; else what went wrong, for a warning.
    public static async Task<string?> SendAsync(string endpoint, JsonObject request, CancellationToken ct)
    {
        var url = TracesUrl(endpoint);
        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = Timeout };
        using var client = new HttpClient(handler) { Timeout = Timeout };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.PostAsync(url, content, ct);
            return response.IsSuccessStatusCode ? null : $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"{url} did not take them: {e.Message}";
        }
    }
}
