using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// Issue 24, rule 2: Teardown removes the warehouse, so it is a writer. While a run writes the warehouse, Teardown is
/// refused (exit 1), naming that run, and removes nothing; once the run has ended it tears down, and a Teardown of a
/// warehouse that is already down still works.
/// </summary>
[NonParallelizable]
[Category("Slow")]
public class TeardownIsAWriterTests
{
    [Test]
    [Description("issue 24: Teardown took no lock, removed the local warehouse under a running Etl and exited 0")]
    public void Teardown_while_a_run_writes_the_warehouse_is_refused_naming_the_run_and_removes_nothing()
    {
        using var build = new BuildScript();
        var release = Path.Combine(build.StateDir, "..", "release-pause");
        using var etl = BuildProcess.Start(build, new Dictionary<string, string>
            { [PausePoint.Variable] = "transform:before:commit@600", [PausePoint.ReleaseVariable] = release }, "Etl");
        etl.WaitForLine("pause point transform:before:commit reached", TimeSpan.FromMinutes(5));
        var runId = BuildWarehouse.RowsAsync(build, "select run_id from etl_writer").Result.Single();

        var refused = build.Run("Teardown");
        var stillPaused = !etl.HasExited;
        File.WriteAllText(release, "");
        var etlExit = etl.WaitForExit(TimeSpan.FromMinutes(5));

        Assert.That(stillPaused, Is.True, "Teardown ran while the Etl held the writer lock");
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Output);
        Assert.That(refused.Output, Does.Contain($"another run is writing the warehouse").And.Contain($"run {runId}, pid {etl.Pid} on ")
            .And.Contain("now in target Transform"));
        Assert.That(refused.Output, Does.Not.Contain("Stopped PostgreSQL").And.Not.Contain("Removed "));
        Assert.That(etlExit, Is.EqualTo(0), "the Etl lost its warehouse: " + etl.Output);
        Assert.That(BuildWarehouse.RowsAsync(build, "select count(*) from songplays").Result.Single(), Is.Not.EqualTo("0"));

        var torn = build.Run("Teardown");
        var again = build.Run("Teardown");

        Assert.That(torn.ExitCode, Is.EqualTo(0), torn.Output);
        Assert.That(torn.Output, Does.Contain("Stopped PostgreSQL"));
        Assert.That(Ports.IsListening(build.PgPort), Is.False, "the warehouse still runs after Teardown");
        Assert.That(again.ExitCode, Is.EqualTo(0), "a Teardown of a warehouse already down: " + again.Output);
    }
}
