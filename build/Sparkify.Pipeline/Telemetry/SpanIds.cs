using System.Security.Cryptography;
using System.Text;

namespace Sparkify.Pipeline.Telemetry;

/// <summary>
/// The trace and span ids of one run, derived from its run id (SHA-256, lower-case hex, 16 and 8 bytes as W3C
/// trace context sizes them): the trace file and the export carry the same ids, and writing the trace twice for one
/// run gives the same trace, never a second one.
/// </summary>
public sealed class SpanIds(string runId)
{
    public string Trace { get; } = Hex($"{OtlpTrace.Service}/{runId}", 16);

    public string Root { get; } = Hex($"{OtlpTrace.Service}/{runId}/", 8);

    public string Of(string target) => Hex($"{OtlpTrace.Service}/{runId}/{target}", 8);

    static string Hex(string text, int bytes) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, bytes));
}
