using System.Net;
using System.Net.Sockets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Graph;

/// The target graph, driven through ./build.sh as a separate process, the way users and CI run it.
[NonParallelizable]
public class BuildGraphTests : BuildScriptTest
{
    [Test]
    public void Without_a_target_lists_the_targets_and_changes_nothing()
    {
        var result = Build.Run(isolated: false);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.Contain("CreateTables").And.Contains("Teardown").And.Contains("Test")
            .And.Contains("Provision").And.Contains("Status"));
        Assert.That(result.Output, Does.Not.Contain("Started"));
    }

    [Test]
    public void Unknown_target_is_a_clear_error()
    {
        var result = Build.Run("Deploy");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("The target 'Deploy' was not found."));
    }

    [Test]
    public void Dry_run_lists_the_plan_and_starts_nothing()
    {
        var result = Build.Run("CreateTables", "--dryrun");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.Contain("1. Provision").And.Contains("2. CreateTables").And.Contains("No tasks were actually executed."));
        Assert.That(Directory.Exists(Build.DataDir), Is.False, "a dry run started local services");
    }

    [Test]
    public void Etl_plans_the_whole_pipeline_in_order()
    {
        var result = Build.Run("Etl", "--dryrun");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        var steps = System.Text.RegularExpressions.Regex.Matches(result.Output, @"^\d+\. (\w+)$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value);
        Assert.That(steps, Is.EqualTo(new[] { "Provision", "CreateTables", "StageCopy", "Transform", "Verify", "Report", "Etl" }));
    }

    [Test]
    public void Exclusive_plans_only_the_target_without_provision()
    {
        var result = Build.Run("CreateTables", "--dryrun", "--exclusive");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.Contain("1. CreateTables").And.Not.Contains("Provision"));
    }

    [Test]
    public void Skipping_provision_skips_it_while_create_tables_still_runs()
    {
        var result = Build.Run("CreateTables", "--skip=Provision");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain($"{Tables.CreatedFor(Dialect.Postgres).Count} created, 0 kept"));
        Assert.That(result.Output, Does.Not.Contain("IAM role"), "Provision ran despite --skip=Provision");
        Assert.That(result.Output, Does.Match(@"Provision\s+-\s+Skipped\s+skipped by --skip"));
    }

    [Test]
    public void Provision_status_and_teardown_run_end_to_end_through_build_sh()
    {
        var provision = Build.Run("Provision");
        var status = Build.Run("Status");
        var teardown = Build.Run("Teardown");

        Assert.That(provision.ExitCode, Is.EqualTo(0), provision.Output);
        Assert.That(provision.Output, Does.Contain("Provision: created role sparkify-dwh-s3-read"));
        Assert.That(status.ExitCode, Is.EqualTo(0), status.Output);
        Assert.That(status.Output, Does.Contain("cluster  sparkify-dwh: available"));
        Assert.That(teardown.ExitCode, Is.EqualTo(0), teardown.Output);
        Assert.That(teardown.Output, Does.Contain($"Teardown (AWS): removed cluster sparkify-dwh, ingress 127.0.0.1/32:{Build.PgPort}, role sparkify-dwh-s3-read"),
            "the local ingress rule names the port the local warehouse serves on ([LOCAL] pg_port), issue 28");
        Assert.That(teardown.Output.IndexOf("Teardown (AWS)", StringComparison.Ordinal),
            Is.LessThan(teardown.Output.IndexOf("Stopped moto", StringComparison.Ordinal)), "the AWS part must run before moto is stopped");
    }

    [Test]
    public void Skipping_the_target_itself_is_reported_by_the_engine()
    {
        var result = Build.Run("CreateTables", "--skip=CreateTables");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("skipped due to a criteria: skipped by --skip"));
    }

    [Test]
    public void Skip_of_an_unknown_target_is_a_clear_error()
    {
        var result = Build.Run("CreateTables", "--skip=Nope");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("--skip=Nope: not a target"));
    }

    [Test]
    public void Invalid_configuration_fails_before_any_work_naming_the_key()
    {
        var result = Build.Run("CreateTables", "--CLUSTER:db_port=54x9");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("command line --CLUSTER:db_port '54x9' is not a port"));
        Assert.That(Directory.Exists(Build.DataDir), Is.False, "work started despite invalid configuration");
    }

    [Test]
    public void Failing_task_exits_non_zero_with_its_error()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, Build.PgPort);
        squatter.Start();

        var result = Build.Run("CreateTables");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain($"127.0.0.1:{Build.PgPort} is already in use by another process"));
        Assert.That(result.Output, Does.Not.Contain("   at "), "an expected failure printed a stack trace");
    }

    [Test]
    public void Unknown_profile_is_a_clear_error()
    {
        var result = Build.Run("CreateTables", "--profile=gcp");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("--profile=gcp is not a profile"));
    }
}
