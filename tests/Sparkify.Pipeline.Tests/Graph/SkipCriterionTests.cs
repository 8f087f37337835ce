namespace Sparkify.Pipeline.Tests.Graph;

/// --skip as build.cake declares it: one criterion, and only the targets that carry it can be named (issue 23).
[NonParallelizable]
public class SkipCriterionTests : BuildScriptTest
{
    [Test]
    [Description("issue 23: ./build.sh Connect --skip=Connect was accepted and did nothing")]
    public void Skip_of_a_target_without_the_criterion_fails_at_startup_with_the_usage_exit_code()
    {
        var result = Build.Run("Connect", "--skip=Connect");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
        Assert.That(result.Output, Does.Contain("--skip=Connect: Connect cannot be skipped"));
        Assert.That(Directory.Exists(Build.DataDir), Is.False, "work started despite a bad --skip");
    }

    [Test]
    [Description("issue 23: the message names the targets of the run that carry the criterion, read from build.cake's graph")]
    public void Skip_of_an_aggregate_names_the_targets_of_the_run_that_can_be_skipped()
    {
        var result = Build.Run("Etl", "--skip=Etl");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output);
        Assert.That(result.Output, Does.Contain("--skip=Etl: Etl cannot be skipped")
            .And.Contains("(can be skipped in Etl: Provision, CreateTables, StageCopy, Transform, Verify, Report)"));
    }

    [Test]
    [Description("issue 23: the same skip criterion was pasted on 11 tasks")]
    public void Build_script_writes_the_skip_criterion_once()
    {
        var script = File.ReadAllText(Path.Combine(Repo.Root, "build.cake"));

        Assert.That(System.Text.RegularExpressions.Regex.Matches(script, @"\.WithCriteria").Count, Is.EqualTo(1), "criteria written more than once");
        Assert.That(script, Does.Not.Contain("skipped by --skip"), "the reason belongs to CommandLine/Skipping.cs");
    }
}
