using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Tests.Graph;

/// Transform and Verify as targets of the graph, through ./build.sh as a separate process.
[NonParallelizable]
public class TransformGraphTests
{
    [Test]
    public void Verify_plans_create_transform_verify_and_on_empty_staging_passes_with_its_table_and_summary()
    {
        using var build = new BuildScript();

        var plan = build.Run("Verify", "--dryrun");
        var run = build.Run("Verify", "--from=2018-11-05", "--to=2018-11-05", "--skip=StageCopy");

        Assert.That(plan.Output, Does.Contain("2. CreateTables").And.Contains("3. StageCopy").And.Contains("4. Transform").And.Contains("5. Verify"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("Transform on postgres").And.Contains(", 2018-11-05: "));
        Assert.That(run.Output, Does.Contain("songplays_count_matches_staged         passed           0"));
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(build.ArtifactsDir, "run-summary.json")))!;
        Assert.That(summary["transform"]!["window"]!.GetValue<string>(), Is.EqualTo("2018-11-05"));
        Assert.That(summary["quality"]!.AsArray(), Has.Count.EqualTo(Directory.GetFiles(Path.Combine(Repo.Root, "sql", "quality"), "*.sql").Length));
    }
}
