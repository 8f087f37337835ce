namespace Sparkify.Pipeline.Tests.Targets;

/// ./build.sh Generate as a user runs it.
[NonParallelizable]
public class GenerateTargetTests
{
    [Test]
    public void Generate_writes_the_sample_to_out_and_prints_the_counts()
    {
        using var build = new BuildScript();
        using var dir = new TempDir("gen");

        var result = build.Run("Generate", "--scale=1", "--seed=3", $"--out={dir.Path}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Match(@"Generate \(scale 1, seed 3\) wrote .*: 71 songs by 69 artists, [\d,]+ events over 30 days, 102 files"));
        Assert.That(Directory.GetFiles(Path.Combine(dir.Path, "log_data", "2018", "11")), Has.Length.EqualTo(30));
        Assert.That(BuildWarehouse.LastRecord(build)["generate"], Is.Not.Null, "the run's own record has its generate section");
        Assert.That(File.Exists(Path.Combine(build.ArtifactsDir, "run-summary.json")), Is.False, "Generate does not change the warehouse");
    }

    [Test]
    public void Generate_with_a_scale_that_is_not_a_number_fails_naming_the_option()
    {
        using var build = new BuildScript();

        var result = build.Run("Generate", "--scale=ten");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("--scale=ten is not a whole number"));
    }
}
