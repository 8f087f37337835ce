using System.Diagnostics;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Safety;

namespace Sparkify.Pipeline.Tests.Safety;

/// Teardown removes only what the pipeline made and finds what it started, through ./build.sh as a user runs it.
[NonParallelizable]
public class TeardownSafetyTests
{
    [TestCase(".")]
    [TestCase("sql")]
    [TestCase("..")]
    public void Teardown_with_data_dir_set_to_the_checkout_a_tracked_folder_or_a_parent_is_refused_and_deletes_nothing(string dataDir)
    {
        using var build = new BuildScript();
        var before = Directory.GetFiles(Path.Combine(Repo.Root, "sql"), "*", SearchOption.AllDirectories).Length;

        var result = build.RunWithDataDir(dataDir, "Teardown");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain($"data_dir '{dataDir}'"));
        Assert.That(result.Output, Does.Not.Contain("Removed "));
        Assert.That(File.Exists(Path.Combine(Repo.Root, "build.cake")) && Directory.Exists(Path.Combine(Repo.Root, ".git")) ||
                    File.Exists(Path.Combine(Repo.Root, ".git")), Is.True, "the checkout lost build.cake or .git");
        Assert.That(Directory.GetFiles(Path.Combine(Repo.Root, "sql"), "*", SearchOption.AllDirectories), Has.Length.EqualTo(before));
    }

    [Test]
    public void Teardown_with_data_dir_set_to_an_absolute_folder_the_pipeline_did_not_make_refuses_and_says_why()
    {
        using var build = new BuildScript();
        using var mine = new TempDir("mine");
        File.WriteAllText(mine.File("thesis.txt"), "three years of work");

        var result = build.RunWithDataDir(mine.Path, "Teardown");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain($"Teardown (local) refused to remove {mine.Path} has no {OwnedFolder.MarkerName} marker"));
        Assert.That(result.Output, Does.Contain("Teardown (local) did not finish; left behind:"));
        Assert.That(File.ReadAllText(mine.File("thesis.txt")), Is.EqualTo("three years of work"));
    }

    [Test]
    public void Etl_refuses_to_put_its_services_into_a_folder_that_holds_files_and_no_marker()
    {
        using var build = new BuildScript();
        using var mine = new TempDir("mine");
        File.WriteAllText(mine.File("notes.txt"), "keep");

        var result = build.RunWithDataDir(mine.Path, "Provision");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain($"{mine.Path} exists, holds files and has no {OwnedFolder.MarkerName} marker"));
        Assert.That(Directory.GetFileSystemEntries(mine.Path), Is.EqualTo(new[] { mine.File("notes.txt") }));
        Assert.That(Ports.IsListening(build.MotoPort), Is.False, "moto was started before the refusal");
    }

    [Test]
    [Category("Slow")]
    public void Teardown_after_the_data_folder_was_removed_by_hand_stops_both_services()
    {
        using var build = new BuildScript();
        var created = build.Run("CreateTables");
        Assert.That(created.ExitCode, Is.EqualTo(0), created.Output);
        Assert.That(Ports.IsListening(build.PgPort) && Ports.IsListening(build.MotoPort), Is.True, "the services did not start");

        Directory.Delete(build.DataDir, recursive: true);
        var result = build.Run("Teardown");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("Stopped PostgreSQL (pid"));
        Assert.That(result.Output, Does.Contain("Stopped moto (pid"));
        Assert.That(ServiceProcess.ListeningOn(build.PgPort), Is.Empty, "something still listens on the PostgreSQL port");
        Assert.That(ServiceProcess.ListeningOn(build.MotoPort), Is.Empty, "something still listens on the moto port");
    }

    [Test]
    [Category("Slow")]
    public void Teardown_after_the_data_folder_and_the_state_file_were_removed_finds_the_services_by_port_and_command_line()
    {
        using var build = new BuildScript();
        var created = build.Run("CreateTables");
        Assert.That(created.ExitCode, Is.EqualTo(0), created.Output);

        Directory.Delete(build.DataDir, recursive: true);
        Directory.Delete(build.StateDir, recursive: true);
        var result = build.Run("Teardown");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain($"found by port {build.PgPort}"));
        Assert.That(result.Output, Does.Contain($"found by port {build.MotoPort}"));
        Assert.That(ServiceProcess.ListeningOn(build.PgPort), Is.Empty);
        Assert.That(ServiceProcess.ListeningOn(build.MotoPort), Is.Empty);
    }

    [Test]
    public void A_stale_moto_pid_naming_an_unrelated_process_is_not_signalled()
    {
        using var build = new BuildScript();
        using var sleep = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        try
        {
            OwnedFolder.Ensure(build.DataDir, "a test");
            File.WriteAllText(Path.Combine(build.DataDir, "moto.pid"), sleep.Id.ToString());

            var result = build.Run("Teardown");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
            Assert.That(result.Output, Does.Contain($"moto.pid names pid {sleep.Id} (sleep 600), which is not the moto the pipeline started"));
            Assert.That(sleep.HasExited, Is.False, "Teardown signalled the unrelated sleep");
            Assert.That(Directory.Exists(build.DataDir), Is.False, "the marked folder was not removed");
        }
        finally
        {
            sleep.Kill();
        }
    }

    [Test]
    public void Teardown_never_signals_a_recorded_pid_whose_start_time_differs()
    {
        using var sleep = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        try
        {
            var ticks = ServiceProcess.StartTicks(sleep.Id)!.Value;

            var outcome = ServiceStop.StopAsync(sleep.Id, ticks + 1, _ => true, ServiceProcess.SigTerm, TimeSpan.FromSeconds(1), CancellationToken.None).Result;

            Assert.That(outcome, Is.EqualTo(StopOutcome.NotOurs));
            Assert.That(sleep.HasExited, Is.False);
        }
        finally
        {
            sleep.Kill();
        }
    }
}
