namespace Sparkify.Pipeline.Tests.Runs;

/// One run, one id: every stage's etl_runs row, the load_errors rows and artifacts/run-summary.json carry the same id.
[NonParallelizable]
[Description("Issue 10 (7): one run, one id")]
public class RunIdTests
{
    [Test]
    public async Task Etl_records_every_stage_and_its_rejected_rows_under_the_summarys_run_id()
    {
        // Arrange: the real sample with one event line broken, loaded with MAXERROR 10 so the run goes on.
        using var sample = new BrokenSample();
        using var build = new BuildScript();

        // Act
        var result = build.Run("Etl", $"--sample={sample.Path}", "--LOAD:max_error=10");

        // Assert
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        var runId = BuildWarehouse.Summary(build)["run_id"]!.GetValue<string>();
        Assert.That(runId, Does.Match(@"^\d{8}T\d{6}Z-[0-9a-f]{8}$"));
        Assert.That(await BuildWarehouse.RowsAsync(build, "select run_id || ' ' || target || ' ' || status from etl_runs order by started_at"),
            Is.EqualTo(new[] { "Provision", "CreateTables", "StageCopy", "Transform", "Verify", "Report" }.Select(t => $"{runId} {t} succeeded")));
        Assert.That(await BuildWarehouse.RowsAsync(build, "select distinct run_id from load_errors"), Is.EqualTo(new[] { runId }));
        Assert.That(BuildWarehouse.Summary(build)["load_errors"]!.AsArray(), Has.Count.EqualTo(1));
    }
}
