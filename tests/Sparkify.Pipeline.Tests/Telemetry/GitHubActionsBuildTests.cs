using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Tests.Telemetry;

/// ./build.sh with GITHUB_ACTIONS=true, as a GitHub Actions step runs it: the step summary, the annotations, the trace.
[NonParallelizable]
[Description("Issue 28 (3, 4): CI that speaks GitHub's language; traces")]
public class GitHubActionsBuildTests
{
    [Test]
    public async Task A_planted_fact_without_its_user_fails_Verify_with_an_error_annotation_a_step_summary_and_an_exported_trace()
    {
        // Arrange: the real sample with one event line cut in half, loaded with MAXERROR 10 (a rejected row, a warning).
        using var sample = new BrokenSample();
        using var build = new BuildScript();
        using var step = new TempDir("step");
        var stepSummary = step.File("summary.md");
        File.WriteAllText(stepSummary, "earlier step output\n");
        var github = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = stepSummary };

        var loaded = build.Run(true, github, "Transform", $"--sample={sample.Path}", "--LOAD:max_error=10");

        Assert.That(loaded.ExitCode, Is.EqualTo(0), loaded.Output);
        var warning = Regex.Match(loaded.Output, @"^::warning title=rejected row in staging_events,file=s3%3A//[^,]+/log_data/[^,]+\.json,line=2::.+$", RegexOptions.Multiline);
        Assert.That(warning.Success, Is.True, "a ::warning at the S3 key and line of the rejected row (':' escaped as %3A)\n" + loaded.Output);
        Assert.That(File.ReadAllText(stepSummary), Does.StartWith("earlier step output\n").And.Contain("### sparkify-dwh Transform: ✅ succeeded"));

        // Act: the owner role plants a play whose user is not in users; Verify alone (Transform would rebuild the fact).
        await BuildWarehouse.RowsAsync(build, """
            insert into songplays (start_time, user_id, level, session_id, item_in_session)
            values (timestamp '2018-11-05 10:00:00', '999999', 'free', 999999, 1)
            """);
        using var collector = new OtlpListener();
        var verify = build.Run(true, github, "Verify", "--exclusive", $"--TELEMETRY:otlp_endpoint={collector.Endpoint}");

        // Assert: the console, the step summary and the trace say the same.
        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.Output);
        // The line of the query's "select", below the file's header comment, whatever that header's length.
        var queryLine = File.ReadLines(Path.Combine(Repo.Root, "sql/quality/songplays_user_in_users.sql"))
            .TakeWhile(line => !line.StartsWith("select", StringComparison.Ordinal)).Count() + 1;
        var error = Regex.Match(verify.Output,
            $@"^::error title=check songplays_user_in_users failed,file=sql/quality/songplays_user_in_users\.sql,line={queryLine}::1 offending row; first: songplay_id=\d+, user_id=999999$",
            RegexOptions.Multiline);
        Assert.That(error.Success, Is.True, "the failed check as an ::error at its file and query line\n" + verify.Output);
        var markdown = File.ReadAllText(stepSummary);
        Assert.That(markdown, Does.Contain("### sparkify-dwh Verify: ❌ failed"));
        Assert.That(markdown, Does.Match(@"\| Verify \| ❌ failed \| [\d.]+ \|"));
        Assert.That(markdown, Does.Contain("| sql/quality/songplays_user_in_users.sql | 1 | songplay_id="));
        Assert.That(markdown, Does.Contain("| songplays | "), "rows per table");
        var runId = BuildWarehouse.LastRecord(build)["run_id"]!.GetValue<string>();
        var trace = OtlpJson.Parse(File.ReadAllText(Path.Combine(build.ArtifactsDir, "traces", runId + ".json")));
        var spans = trace.ResourceSpans.Single().ScopeSpans.Single().Spans;
        Assert.That(spans.Select(s => s.Name), Is.EqualTo(new[] { "RUN Verify", "Verify" }));
        Assert.That(OtlpJson.Attribute(spans[0].Attributes, "cicd.pipeline.run.id"), Is.EqualTo(runId));
        Assert.That(OtlpJson.Attribute(spans[1].Attributes, "cicd.pipeline.task.name"), Is.EqualTo("Verify"));
        Assert.That(OtlpJson.Attribute(spans[1].Attributes, "cicd.pipeline.task.run.result"), Is.EqualTo("failure"));
        Assert.That(OtlpJson.Parse(collector.Next().Body), Is.EqualTo(trace), "the collector received the same spans");
    }
}
