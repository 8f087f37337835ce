using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Telemetry;

namespace Sparkify.Pipeline.Tests.Telemetry;

[Description("Issue 28 (4): the trace also goes to [TELEMETRY] otlp_endpoint")]
public class OtlpExportTests
{
    [Test]
    public async Task The_trace_file_and_the_export_to_a_listening_collector_carry_the_same_request()
    {
        using var dir = new TempDir("otlp");
        using var collector = new OtlpListener();
        var log = new StringWriter();

        await TraceFile.WriteAsync(SampleSummary.Etl(), "Etl", dir.Path, collector.Endpoint, new PipelineLog(log, verbose: true));

        var received = collector.Next();
        Assert.That(received.Method, Is.EqualTo("POST"));
        Assert.That(received.Path, Is.EqualTo("/v1/traces"));
        Assert.That(received.ContentType, Does.StartWith("application/json"));
        var file = File.ReadAllText(TraceFile.PathOf(dir.Path, "20261201T201808Z-666da0db"));
        Assert.That(OtlpJson.Parse(received.Body), Is.EqualTo(OtlpJson.Parse(file)));
        Assert.That(log.ToString(), Does.Contain($"trace exported to {collector.Endpoint}/v1/traces"));
    }

    [Test]
    public async Task A_collector_that_is_not_there_only_warns_and_the_file_is_written()
    {
        using var dir = new TempDir("otlp");
        var log = new StringWriter();
        var endpoint = $"http://127.0.0.1:{Ports.Free()}";

        await TraceFile.WriteAsync(SampleSummary.Etl(), "Etl", dir.Path, endpoint, new PipelineLog(log));

        Assert.That(File.Exists(TraceFile.PathOf(dir.Path, "20261201T201808Z-666da0db")), Is.True);
        Assert.That(log.ToString(), Does.Contain($"warning: trace not exported: {endpoint}/v1/traces did not take them"));
    }

    [Test]
    public async Task A_collector_that_refuses_the_request_is_named_with_its_status()
    {
        using var collector = new OtlpListener(status: 400);

        var problem = await OtlpExport.SendAsync(collector.Endpoint, SampleSummary.Etl(), CancellationToken.None);

        Assert.That(problem, Is.EqualTo($"{collector.Endpoint}/v1/traces answered 400 Bad Request"));
    }
}
