using System.Net;
using System.Net.Sockets;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Graph;

/// The target graph, driven through ./build.sh as a separate process, the way users and CI run it.
[NonParallelizable]
public class BuildGraphTests
{
    BuildScript _build = null!;

    [SetUp]
    public void NewBuild() => _build = new BuildScript();

    [TearDown]
    public void EndBuild() => _build.Dispose();

    [Test]
    public void Without_a_target_lists_the_targets_and_changes_nothing()
    {
        var result = _build.Run(isolated: false);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.Contain("CreateTables").And.Contains("Teardown").And.Contains("Test"));
        Assert.That(result.Output, Does.Not.Contain("Started"));
    }

    [Test]
    public void Unknown_target_is_a_clear_error()
    {
        var result = _build.Run("Deploy");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("The target 'Deploy' was not found."));
    }

    [Test]
    public void Dry_run_lists_the_plan_and_starts_nothing()
    {
        var result = _build.Run("CreateTables", "--dryrun");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.Contain("1. CreateTables").And.Contains("No tasks were actually executed."));
        Assert.That(Directory.Exists(_build.DataDir), Is.False, "a dry run started local services");
    }

    [Test]
    public void Skipping_the_target_itself_is_reported_by_the_engine()
    {
        var result = _build.Run("CreateTables", "--skip=CreateTables");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("skipped due to a criteria: skipped by --skip"));
    }

    [Test]
    public void Skip_of_an_unknown_target_is_a_clear_error()
    {
        var result = _build.Run("CreateTables", "--skip=Nope");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("--skip names Nope, which is not a target"));
    }

    [Test]
    public void Invalid_configuration_fails_before_any_work_naming_the_key()
    {
        var result = _build.Run("CreateTables", "--CLUSTER:db_port=54x9");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("command line --CLUSTER:db_port '54x9' is not a port"));
        Assert.That(Directory.Exists(_build.DataDir), Is.False, "work started despite invalid configuration");
    }

    [Test]
    public void Failing_task_exits_non_zero_with_its_error()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, _build.PgPort);
        squatter.Start();

        var result = _build.Run("CreateTables");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain($"127.0.0.1:{_build.PgPort} is already in use by another process"));
        Assert.That(result.Output, Does.Not.Contain("   at "), "an expected failure printed a stack trace");
    }

    [Test]
    public void Unknown_profile_is_a_clear_error()
    {
        var result = _build.Run("CreateTables", "--profile=gcp");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("--profile=gcp is not a profile"));
    }
}
