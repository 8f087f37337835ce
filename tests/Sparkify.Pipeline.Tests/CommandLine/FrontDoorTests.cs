using Sparkify.Pipeline.CommandLine;

namespace Sparkify.Pipeline.Tests.CommandLine;

/// The front door through ./build.sh as a separate process (issue 10, parts 2-4): usage errors, help, clean output.
[NonParallelizable]
public class FrontDoorTests : BuildScriptTest
{
    [Test]
    [Description("issue 10: a Setup failure printed Cake's 'error in a custom teardown action', a stack trace and a task table")]
    public void Usage_error_prints_its_message_only_and_exits_2_before_any_work()
    {
        var result = Build.Run("StageCopy", "--sampel=/tmp/nowhere");

        Assert.That(result.ExitCode, Is.EqualTo(Startup.UsageExitCode), result.Output);
        Assert.That(result.Output, Does.Contain("Error: --sampel is not an option; did you mean --sample?"));
        Assert.That(result.Output, Does.Not.Contain("custom teardown").And.Not.Contain("   at ").And.Not.Contain("Duration")
            .And.Not.Contain("has not been setup"));
        Assert.That(Directory.Exists(Build.DataDir), Is.False, "work started despite the usage error");
    }

    [Test]
    public void Configuration_error_exits_2_with_one_error_line()
    {
        var result = Build.Run("CreateTables", "--CLUSTER:db_port=54x9");

        Assert.That(result.ExitCode, Is.EqualTo(Startup.UsageExitCode));
        Assert.That(result.Output.Trim().Split('\n').Where(l => l.Trim().Length > 0 && !l.StartsWith("Building")),
            Is.EqualTo(new[] { "Error: command line --CLUSTER:db_port '54x9' is not a port from 1150 to 65535" }));
    }

    [Test]
    [Description("issue 10: --S3:region=... on the command line was ignored (a digit in the section name)")]
    public void S3_section_override_reaches_the_configuration()
    {
        var result = Build.Run("Provision", "--S3:region=nowhere", "--dryrun");

        Assert.That(result.ExitCode, Is.EqualTo(Startup.UsageExitCode), result.Output);
        Assert.That(result.Output, Does.Contain("command line --S3:region 'nowhere' is not an AWS region"));
    }

    [Test]
    [Description("issue 10: redirected output carried ANSI escape bytes (Cake's error lines)")]
    public void Redirected_output_carries_no_escape_bytes_without_NO_COLOR()
    {
        var noColorUnset = new Dictionary<string, string?> { ["NO_COLOR"] = null };

        var plan = Build.Run(true, noColorUnset, "Etl", "--dryrun");
        var failure = Build.Run(true, noColorUnset, "CreateTables", "--recreat");

        Assert.That(plan.ExitCode, Is.EqualTo(0), plan.Output);
        Assert.That(plan.Raw, Does.Contain("Performing dry run"));
        Assert.That(failure.Raw, Does.Contain("Error: --recreat is not an option; did you mean --recreate?"));
        // A char search: NUnit's culture-aware substring match treats the escape character as ignorable.
        Assert.That((plan.Raw + failure.Raw).Contains('\u001b'), Is.False,
            () => "an ANSI escape byte reached a redirected stream: " + (plan.Raw + failure.Raw).Replace("\u001b", "<ESC>"));
    }

    [Test]
    [Description("issue 10: a bare --recreate ended with 'Object reference not set to an instance of an object.'")]
    public void Bare_recreate_flag_drops_and_creates_the_tables()
    {
        var result = Build.Run("CreateTables", "--skip=Provision", "--recreate");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("(--recreate dropped them first)").And.Not.Contain("Object reference"));
    }

    [Test]
    [Description("Issue 28: --help listed only the 7 options every target takes")]
    public void Help_lists_every_target_and_every_option_with_its_targets_and_default()
    {
        var result = Build.Run(isolated: false, "--help");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        foreach (var target in new[] { "Provision", "CreateTables", "StageCopy", "Transform", "Verify", "Report", "Etl", "Teardown", "Query", "Test" })
            Assert.That(result.Output, Does.Match($@"(?m)^  {target}\s"), target);
        foreach (var option in Options.Declared.Where(o => o.ForAnyTarget))
            Assert.That(result.Output, Does.Contain($"  {option.Usage} ").And.Contains($"(default: {option.Default})"), option.Name);
        foreach (var option in Options.Declared.Where(o => !o.ForAnyTarget))
            Assert.That(result.Output, Does.Contain($"(targets: {option.TargetList}; default: {option.Default})"), option.Name);
        Assert.That(result.Output, Does.Match(@"(?m)^  --sample=PATH\s+.*\(targets: StageCopy; default: the warehouse's own source\)$"));
        Assert.That(result.Output, Does.Match(@"(?m)^  --from=YYYY-MM-DD\s+.*\(targets: StageCopy, Transform, Verify; default: all days\)$"));
        var common = result.Output[..result.Output.IndexOf("Options of some targets", StringComparison.Ordinal)];
        Assert.That(common, Does.Not.Match(@"(?m)^  --final-snapshot"), "a target's own option is listed as common");
    }

    [Test]
    [Description("Issue 28: Cake listed the run's end as 'Teardown ... Succeeded' after every target, read as the Teardown target")]
    public void The_task_table_lists_the_targets_that_ran_and_no_teardown_row_while_the_runs_end_still_runs()
    {
        var result = Build.Run("Generate", $"--out={Path.Combine(Build.ArtifactsDir, "sample")}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Match(@"(?m)^\s*Generate\s+\d\d:\d\d:\d\d"));
        Assert.That(result.Output, Does.Not.Match(@"(?m)^\s*Teardown\s"));
        var record = Directory.GetFiles(Path.Combine(Build.ArtifactsDir, "runs"), "*.json").Single();
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(record))!;
        Assert.That(summary["status"]!.GetValue<string>(), Is.EqualTo("succeeded"), "the run's end wrote the run's record");
    }

    [Test]
    public void Target_help_lists_the_options_of_its_plan_only()
    {
        var etl = Build.Run(isolated: false, "Etl", "--help");
        var teardown = Build.Run(isolated: false, "Teardown", "-h");

        Assert.That(etl.ExitCode, Is.EqualTo(0), etl.Output);
        Assert.That(etl.Output, Does.Contain("Runs: Provision -> CreateTables -> StageCopy -> Transform -> Verify -> Report -> Etl"));
        Assert.That(etl.Output, Does.Contain("--recreate").And.Contains("--sample=PATH").And.Contains("--from=YYYY-MM-DD").And.Not.Contains("--final-snapshot"));
        Assert.That(teardown.Output, Does.Contain("--final-snapshot=TEXT").And.Not.Contains("--recreate"));
        Assert.That(Directory.Exists(Build.DataDir), Is.False, "help started work");
    }
}
