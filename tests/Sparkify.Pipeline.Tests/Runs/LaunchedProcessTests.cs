using System.Diagnostics;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// The pid ./build.sh was started as is the pipeline: SIGTERM and SIGINT cancel it (the open transaction rolls back,
/// the summary says "cancelled", exit 143 or 130), and kill -9 of that pid leaves no worker behind.
/// </summary>
[NonParallelizable]
[Description("Issue 11 (6): the process you start is the pipeline")]
public class LaunchedProcessTests
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    const string Point = "transform:after:45_time.sql";

    BuildScript _build = null!;
    string _sample = null!;

    [OneTimeSetUp]
    public void StartFromScratch()
    {
        _sample = Repo.RequireSampleData();
        _build = new BuildScript();
    }

    [OneTimeTearDown]
    public void TearDown() => _build.Dispose();

    [TestCase("TERM", 143), TestCase("INT", 130)]
    public async Task A_signal_to_the_launched_pid_rolls_back_the_target_and_writes_a_cancelled_summary(string signal, int exitCode)
    {
        var before = File.Exists(Path.Combine(_build.StateDir, "state-local.json")) ? await UsersAsync() : 0;
        using var run = BuildProcess.Start(_build, new Dictionary<string, string> { [PausePoint.Variable] = Point }, "Etl", $"--sample={_sample}");
        run.WaitForLine($"pause point {Point} reached", Patience);

        run.Signal(signal);

        Assert.That(run.WaitForExit(TimeSpan.FromSeconds(60)), Is.EqualTo(exitCode), run.Output);
        Assert.That(run.Output, Does.Contain("Transform was cancelled by SIG" + signal).And.Contain("rolled back"));
        var summary = BuildWarehouse.Summary(_build);
        Assert.That(summary["status"]!.GetValue<string>(), Is.EqualTo("cancelled"));
        var runId = summary["run_id"]!.GetValue<string>();
        Assert.That(await BuildWarehouse.RowsAsync(_build, $"select target || ' ' || status from etl_runs where run_id = '{runId}' order by started_at"),
            Is.EqualTo(new[] { "Provision succeeded", "CreateTables succeeded", "StageCopy succeeded", "Transform cancelled" }));
        Assert.That(await UsersAsync(), Is.EqualTo(before), "Transform's users step was rolled back");
        Assert.That(Survivors(), Is.Empty);
    }

    [Test]
    public void Kill_9_of_the_launched_pid_leaves_no_process_of_the_run()
    {
        using var run = BuildProcess.Start(_build, new Dictionary<string, string> { [PausePoint.Variable] = Point }, "Etl", $"--sample={_sample}");
        run.WaitForLine($"pause point {Point} reached", Patience);

        run.Signal("KILL");
        run.WaitForExit(TimeSpan.FromSeconds(30));
        Thread.Sleep(500);

        Assert.That(Survivors(), Is.Empty, "a worker outlived the launched pid");
    }

    async Task<long> UsersAsync() =>
        long.Parse((await BuildWarehouse.RowsAsync(_build, "select count(*) from users")).Single());

    /// Processes whose command line names this fixture's state folder: the pipeline's (moto and PostgreSQL do not).
    List<string> Survivors() => Directory.GetDirectories("/proc")
        .Where(d => int.TryParse(Path.GetFileName(d), out var pid) && pid != Environment.ProcessId)
        .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
        .Where(cmd => cmd.Contains(_build.StateDir, StringComparison.Ordinal))
        .ToList();
}
