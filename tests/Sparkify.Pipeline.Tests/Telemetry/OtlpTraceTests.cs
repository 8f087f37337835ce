using System.Text.Json.Nodes;
using Google.Protobuf;
using Sparkify.Pipeline.Telemetry;
using Sparkify.Pipeline.Tests.Telemetry.Otlp;

namespace Sparkify.Pipeline.Tests.Telemetry;

[Description("Issue 28 (4): each run's trace in OTLP JSON with the CI/CD conventions' attributes")]
public class OtlpTraceTests
{
    static ExportTraceServiceRequest Trace(JsonObject summary) => OtlpJson.Parse(OtlpTrace.From(summary, "Etl").ToJsonString());

    [Test]
    public void A_run_becomes_one_root_span_and_a_child_span_per_target_that_the_protobuf_classes_read()
    {
        var request = Trace(SampleSummary.Etl());

        var spans = request.ResourceSpans.Single().ScopeSpans.Single().Spans;
        Assert.That(spans.Select(s => s.Name), Is.EqualTo(new[] { "RUN Etl", "Provision", "CreateTables", "StageCopy", "Transform", "Verify", "Report" }));
        var root = spans[0];
        Assert.That(root.Kind, Is.EqualTo(Span.Types.SpanKind.Server));
        Assert.That(root.ParentSpanId.IsEmpty, Is.True);
        Assert.That(spans.Select(s => s.TraceId).Distinct().Count(), Is.EqualTo(1), "one trace");
        Assert.That(spans.Skip(1).All(s => s.ParentSpanId == root.SpanId && s.Kind == Span.Types.SpanKind.Internal), Is.True);
        Assert.That(spans.Select(s => s.SpanId).Distinct().Count(), Is.EqualTo(spans.Count), "span ids are unique");
        var stage = spans.Single(s => s.Name == "StageCopy");
        Assert.That((stage.EndTimeUnixNano - stage.StartTimeUnixNano) / 1e9, Is.EqualTo(3.25).Within(1e-6));
        Assert.That(stage.StartTimeUnixNano, Is.EqualTo(spans.Single(s => s.Name == "CreateTables").EndTimeUnixNano));
        var service = request.ResourceSpans[0].Resource.Attributes;
        Assert.That(OtlpJson.Attribute(service, "service.name"), Is.EqualTo("sparkify-dwh"));
    }

    [Test]
    public void Every_span_carries_the_cicd_pipeline_attributes_and_the_rows_and_bytes_it_moved()
    {
        var spans = Trace(SampleSummary.Etl()).ResourceSpans[0].ScopeSpans[0].Spans;

        var root = spans[0].Attributes;
        Assert.That(OtlpJson.Attribute(root, "cicd.pipeline.name"), Is.EqualTo("Etl"));
        Assert.That(OtlpJson.Attribute(root, "cicd.pipeline.run.id"), Is.EqualTo("20261201T201808Z-666da0db"));
        Assert.That(OtlpJson.Attribute(root, "cicd.pipeline.result"), Is.EqualTo("success"));
        Assert.That(OtlpJson.Attribute(root, "sparkify.table.songplays.rows"), Is.EqualTo("6502"));
        foreach (var task in spans.Skip(1))
        {
            Assert.That(OtlpJson.Attribute(task.Attributes, "cicd.pipeline.task.name"), Is.EqualTo(task.Name));
            Assert.That(OtlpJson.Attribute(task.Attributes, "cicd.pipeline.run.id"), Is.EqualTo("20261201T201808Z-666da0db"));
            Assert.That(OtlpJson.Attribute(task.Attributes, "cicd.pipeline.task.run.result"), Is.Not.Null);
        }
        var stage = spans.Single(s => s.Name == "StageCopy").Attributes;
        Assert.That(OtlpJson.Attribute(stage, "sparkify.rows"), Is.EqualTo("7761"));
        Assert.That(OtlpJson.Attribute(stage, "sparkify.bytes"), Is.EqualTo("3521513"));
        Assert.That(OtlpJson.Attribute(stage, "sparkify.table.staging_events.bytes"), Is.EqualTo("3504513"));
        Assert.That(OtlpJson.Attribute(spans.Single(s => s.Name == "Transform").Attributes, "sparkify.rows"), Is.EqualTo("6587"));
    }

    [Test]
    public void Task_results_take_the_conventions_values_and_a_failure_is_an_error_status()
    {
        var spans = Trace(SampleSummary.Etl(failedChecks: 1)).ResourceSpans[0].ScopeSpans[0].Spans;

        string? Result(string name) => OtlpJson.Attribute(spans.Single(s => s.Name == name).Attributes, "cicd.pipeline.task.run.result");
        Assert.That(Result("Provision"), Is.EqualTo("skip"));
        Assert.That(Result("StageCopy"), Is.EqualTo("success"));
        Assert.That(Result("Verify"), Is.EqualTo("failure"));
        Assert.That(Result("Report"), Is.EqualTo("cancellation"));
        Assert.That(spans.Single(s => s.Name == "Verify").Status.Code, Is.EqualTo(Status.Types.StatusCode.Error));
        Assert.That(spans.Single(s => s.Name == "StageCopy").Status.Code, Is.EqualTo(Status.Types.StatusCode.Ok));
        Assert.That(OtlpJson.Attribute(spans[0].Attributes, "cicd.pipeline.result"), Is.EqualTo("failure"));
        Assert.That(OtlpJson.Attribute(spans[0].Attributes, "error.type"), Is.EqualTo("Verify failed"));
        Assert.That(OtlpJson.Attribute(spans.Single(s => s.Name == "Verify").Attributes, "sparkify.checks.failed"), Is.EqualTo("1"));
    }

    [Test]
    public void Inside_GitHub_Actions_the_root_span_links_the_workflow_run()
    {
        var summary = SampleSummary.Etl();
        summary["ci_run_url"] = GitHubRun.Url(new System.Collections.Hashtable
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "acme/sparkify-dwh",
            ["GITHUB_RUN_ID"] = "9753949763",
        });

        var root = Trace(summary).ResourceSpans[0].ScopeSpans[0].Spans[0];

        Assert.That(OtlpJson.Attribute(root.Attributes, "cicd.pipeline.run.url.full"),
            Is.EqualTo("https://github.com/acme/sparkify-dwh/actions/runs/9753949763"));
        Assert.That(GitHubRun.Url(new System.Collections.Hashtable { ["GITHUB_RUN_ID"] = "1" }), Is.Null, "outside GitHub Actions");
    }

    [Test]
    public void The_same_run_gives_the_same_ids_and_another_run_other_ones()
    {
        var first = OtlpTrace.From(SampleSummary.Etl(), "Etl").ToJsonString();
        var again = OtlpTrace.From(SampleSummary.Etl(), "Etl").ToJsonString();
        var other = SampleSummary.Etl();
        other["run_id"] = "20261201T201808Z-00000000";

        Assert.That(again, Is.EqualTo(first));
        Assert.That(Trace(other).ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId,
            Is.Not.EqualTo(Trace(SampleSummary.Etl()).ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId));
    }

    [Test]
    public void The_reader_refuses_a_field_the_mapping_does_not_define_so_the_check_can_fail()
    {
        var json = OtlpTrace.From(SampleSummary.Etl(), "Etl");
        json["resourceSpans"]![0]!["scopeSpans"]![0]!["spans"]![0]!["start_time"] = "1";

        Assert.Throws<InvalidProtocolBufferException>(() => OtlpJson.Parse(json.ToJsonString()));
    }
}
