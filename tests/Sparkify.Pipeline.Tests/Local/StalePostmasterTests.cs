using System.Diagnostics;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Local;

/// <summary>
/// Issue 24, rules 1 and 5: after a crash, postmaster.pid may name a pid the system gave to another process of the
/// postgres user. Nothing signals that process (pg_ctl stop would), Teardown says what it found, and a run names the
/// stale file and starts the cluster again.
/// </summary>
[NonParallelizable]
[Category("Slow")]
public class StalePostmasterTests
{
    [Test]
    [Description("issue 24: Teardown ran pg_ctl stop, which sent SIGINT to whatever pid postmaster.pid named, hung 60 s and failed")]
    public void Teardown_after_a_crash_never_signals_the_postgres_users_process_that_took_the_postmasters_pid()
    {
        using var build = new BuildScript();
        var dataDir = CrashedCluster(build);
        using var other = PostgresUserProcess();
        try
        {
            WritePid(dataDir, other.Id);

            var result = build.Run("Teardown");

            Assert.That(other.HasExited, Is.False, "Teardown signalled the postgres user's unrelated process");
            Assert.That(result.Output, Does.Contain($"postmaster.pid names pid {other.Id} (sleep 600), which is not the PostgreSQL the pipeline started"));
            Assert.That(result.Output, Does.Contain("not signalled (postmaster.pid is stale"));
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        }
        finally
        {
            other.Kill();
        }
    }

    [Test]
    [Description("issue 24: an Etl that met a stale postmaster.pid said only 'cannot reach … within 10 s'")]
    public void A_run_after_a_crash_names_the_stale_postmaster_pid_and_starts_the_cluster_without_signalling_its_pid()
    {
        using var build = new BuildScript();
        var dataDir = CrashedCluster(build);
        using var other = PostgresUserProcess();
        try
        {
            WritePid(dataDir, other.Id);

            var result = build.Run("CreateTables");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.Output, Does.Contain($"{Path.Combine(dataDir, "postmaster.pid")} is stale: it names pid {other.Id} (sleep 600), " +
                                                    "which is not this cluster's postmaster"));
            Assert.That(other.HasExited, Is.False, "the run signalled the postgres user's unrelated process");
            Assert.That(Ports.IsListening(build.PgPort), Is.True, "the cluster is not running again");
        }
        finally
        {
            other.Kill();
        }
    }

    /// A cluster started by CreateTables, then its postmaster killed with SIGKILL (a crash): postmaster.pid stays behind.
    static string CrashedCluster(BuildScript build)
    {
        var created = build.Run("CreateTables");
        Assert.That(created.ExitCode, Is.EqualTo(0), created.Output);
        var folder = StateFile.For(build.StateDir, "local").Load().LocalPgFolder ?? Path.Combine(build.DataDir, "pg");
        var dataDir = Path.Combine(folder, "data");
        var pid = int.Parse(File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).First());
        ServiceProcess.Signal(pid, ServiceProcess.SigKill);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((ServiceProcess.IsAlive(pid) || WorkingIn(dataDir).Any()) && DateTime.UtcNow < deadline) Thread.Sleep(100);
        Assert.That(WorkingIn(dataDir), Is.Empty, "the killed cluster's processes did not end within 60 s");
        Assert.That(File.Exists(Path.Combine(dataDir, "postmaster.pid")), Is.True, "a crash leaves postmaster.pid behind");
        return dataDir;
    }

    /// The processes working in the folder (a crashed server's backends, until they notice and exit).
    static IEnumerable<string> WorkingIn(string folder) =>
        Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Where(d =>
        {
            try { return new DirectoryInfo(Path.Combine(d, "cwd")).LinkTarget is { } cwd && cwd.StartsWith(folder, StringComparison.Ordinal); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        }).ToList();

    /// A real process of the postgres user (setpriv execs, so the pid is the sleep itself), like one that reused a pid.
    static Process PostgresUserProcess()
    {
        Assert.That(ProcessRunner.IsRoot, Is.True, "this test needs root to start a process as the postgres user");
        var process = Process.Start(new ProcessStartInfo("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "sleep", "600"])
            { UseShellExecute = false })!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ServiceProcess.CommandLine(process.Id)?[0] != "sleep" && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.That(ServiceProcess.CommandLine(process.Id), Is.EqualTo(new[] { "sleep", "600" }));
        return process;
    }

    /// postmaster.pid as the crash left it, but naming <paramref name="pid"/>.
    static void WritePid(string dataDir, int pid)
    {
        var file = Path.Combine(dataDir, "postmaster.pid");
        var lines = File.ReadAllLines(file);
        lines[0] = pid.ToString();
        File.WriteAllLines(file, lines);
    }
}
