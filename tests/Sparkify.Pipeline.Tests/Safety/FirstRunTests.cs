using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Safety;

/// <summary>
/// The README's first two commands on a fresh clone under a 0700 folder of the user's home (root's home is 0700 itself):
/// ./build.sh Etl succeeds and ./build.sh Teardown leaves no process and no folder behind. As root the postgres user
/// cannot reach the clone, so the cluster must live in a marked folder under /var/tmp. The library built for this test
/// run is copied into the clone, so the test times the first run, not the compiler.
/// </summary>
[NonParallelizable]
public partial class FirstRunTests
{
    [Test]
    [Category("Slow")]
    public void On_a_fresh_clone_under_a_private_home_folder_Etl_succeeds_and_Teardown_leaves_nothing_behind()
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? throw new InconclusiveException("no HOME");
        var parent = Path.Combine(home, $"sparkify-first-run-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var clone = Path.Combine(parent, "sparkify-dwh");
        var (pgPort, motoPort) = (Ports.Free(), Ports.Free());
        try
        {
            Assert.That(Shell($"git clone -q '{Repo.Root}' '{clone}'", Repo.Root).Code, Is.EqualTo(0), "git clone failed");
            CopyBuiltLibrary(clone);

            var etl = BuildSh(clone, pgPort, motoPort, "Etl");
            Assert.That(etl.Code, Is.EqualTo(0), etl.Output);
            var relocated = RelocatedTo().Match(etl.Output) is { Success: true } m ? m.Groups[1].Value : null;
            if (ProcessRunner.IsRoot) Assert.That(relocated, Does.StartWith("/var/tmp/sparkify-dwh-"), "as root the cluster should have moved out of the 0700 home");

            var teardown = BuildSh(clone, pgPort, motoPort, "Teardown");

            Assert.That(teardown.Code, Is.EqualTo(0), teardown.Output);
            Assert.That(ServiceProcess.ListeningOn(pgPort), Is.Empty, "PostgreSQL still listens");
            Assert.That(ServiceProcess.ListeningOn(motoPort), Is.Empty, "moto still listens");
            Assert.That(Directory.Exists(Path.Combine(clone, ".local")), Is.False, ".local is left");
            if (relocated is not null) Assert.That(Directory.Exists(relocated), Is.False, $"{relocated} is left");
        }
        finally
        {
            if (Directory.Exists(Path.Combine(clone, ".local")) || ServiceProcess.ListeningOn(pgPort).Count > 0)
                BuildSh(clone, pgPort, motoPort, "Teardown");
            Directory.Delete(parent, recursive: true);
        }
    }

    [GeneratedRegex(@"so the local cluster lives in (\S+) \(Teardown removes it\)")]
    private static partial Regex RelocatedTo();

    static void CopyBuiltLibrary(string clone)
    {
        var from = Path.Combine(Repo.Root, "build", "Sparkify.Pipeline", "bin", "Release");
        Assert.That(Shell($"mkdir -p '{clone}/build/Sparkify.Pipeline/bin' && cp -a '{from}' '{clone}/build/Sparkify.Pipeline/bin/' && " +
                          $"touch '{clone}/build/Sparkify.Pipeline/bin/Release/net10.0/Sparkify.Pipeline.dll'", clone).Code, Is.EqualTo(0));
    }

    static (int Code, string Output) BuildSh(string clone, int pgPort, int motoPort, string target) =>
        Shell($"DWH_LOCAL__PG_PORT={pgPort} DWH_LOCAL__MOTO_PORT={motoPort} NO_COLOR=1 ./build.sh {target}", clone);

    static (int Code, string Output) Shell(string command, string directory)
    {
        var info = new ProcessStartInfo("/bin/sh") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command + " 2>&1");
        using var process = Process.Start(info)!;
        var output = new StringBuilder(process.StandardOutput.ReadToEnd());
        process.WaitForExit();
        var text = Regex.Replace(output.ToString(), @"\x1B\[[0-9;]*[A-Za-z]", "");
        TestContext.Out.WriteLine($"$ {command}  (exit {process.ExitCode})\n{text}");
        return (process.ExitCode, text);
    }
}
