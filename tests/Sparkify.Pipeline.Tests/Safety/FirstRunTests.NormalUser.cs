using System.Text.RegularExpressions;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Safety;

/// <summary>
/// The README's first two commands as a normal user, on a fresh clone in that user's 0700 home (issue 10, Done when).
/// Here the tools live inside root's 0700 home (moto_server in a pyenv Python under /root/.pyenv, Cake in
/// /root/.nuget/packages), out of a normal user's reach. Two ways were weighed: a user with copies or relocated tool
/// folders (NUGET_PACKAGES elsewhere, a fresh venv for moto) would test a different installation than root's and needs
/// the network or gigabytes of copying; a private mount namespace (as_user.sh) instead covers root's home with an empty
/// tmpfs and binds back, read-only, only the Python prefix and the NuGet packages at their own paths, so the same
/// tools run unchanged, nothing else of root's home is exposed, and the host's /root stays 0700 for the other tests.
/// What cannot be arranged (no root, no useradd, moto_server not beside python3) fails the test, never skips it.
/// </summary>
public partial class FirstRunTests
{
    static string AsUserScript => Path.Combine(Repo.Root, "tests", "Sparkify.Pipeline.Tests", "Safety", "as_user.sh");

    // The pipeline's own outputs a user keeps (reports, run summary) and build output: ignored, allowed to stay.
    static readonly string[] KeptAfterTeardown = ["artifacts/", "build/Sparkify.Pipeline/bin/", "tools/"];

    [Test]
    [Category("Slow")]
    [Description("issue 10: the first command works for a normal user too; Teardown leaves no process and no folder")]
    public void As_a_normal_user_on_a_fresh_clone_in_a_private_home_Etl_succeeds_and_Teardown_leaves_nothing_behind()
    {
        using var user = new ThrowawayUser();
        var clone = Path.Combine(user.Home, "sparkify-dwh");
        var (pgPort, motoPort) = (Ports.Free(), Ports.Free());
        var run = UserRun(user, clone, pgPort, motoPort);
        try
        {
            // --no-hardlinks: a local clone shares the object files' inodes, and the chown below would hand the
            // source checkout's objects to the throwaway user.
            Assert.That(Shell($"git clone --no-hardlinks -q '{Repo.Root}' '{clone}'", Repo.Root).Code, Is.EqualTo(0), "git clone failed");
            CopyBuiltLibrary(clone);
            user.Own(clone);
            Assert.That(GitStatus(clone, ignored: false), Is.Empty, "the fresh clone should be clean");

            var etl = Shell(run("./build.sh Etl"), clone);

            Assert.That(etl.Code, Is.EqualTo(0), etl.Output);
            Assert.That(RelocatedTo().IsMatch(etl.Output), Is.False, "as a normal user the cluster stays in the clone's .local");
            Assert.That(ProcessArgs(user.Name), Has.Some.Contains($"-D {clone}/.local/pg/data"),
                "PostgreSQL should run as the user, from the clone's .local/pg");

            var teardown = Shell(run("./build.sh Teardown"), clone);

            Assert.That(teardown.Code, Is.EqualTo(0), teardown.Output);
            Assert.That(ProcessArgs(user.Name), Is.Empty, $"processes of {user.Name} remain");
            Assert.That(ProcessArgs(null).Where(a => a.Contains(clone)), Is.Empty, "a process started from the clone remains");
            Assert.That(ServiceProcess.ListeningOn(pgPort), Is.Empty, "PostgreSQL still listens");
            Assert.That(ServiceProcess.ListeningOn(motoPort), Is.Empty, "moto still listens");
            Assert.That(GitStatus(clone, ignored: false), Is.Empty, "tracked files changed or untracked files appeared");
            Assert.That(GitStatus(clone, ignored: true).Select(l => l[3..]), Is.SubsetOf(KeptAfterTeardown),
                "Teardown left a folder the pipeline made (.local, .dwh, …)");
            // NuGetScratch<user> is the .NET SDK's own lock folder (made whenever dotnet starts NuGet), not the pipeline's.
            Assert.That(TempEntriesOf(user.Name).Where(e => Path.GetFileName(e) != $"NuGetScratch{user.Name}"), Is.Empty,
                "Teardown left files of the user in a temporary folder");
        }
        finally
        {
            if (Directory.Exists(Path.Combine(clone, ".local"))) Shell(run("./build.sh Teardown"), clone);
        }
    }

    /// The command line that runs <c>words</c> in the clone as the user, through as_user.sh, on the test's ports.
    static Func<string, string> UserRun(ThrowawayUser user, string clone, int pgPort, int motoPort)
    {
        var hidden = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var python = Shell("python3 -c 'import os, sys; print(os.path.realpath(sys.executable)); print(os.path.realpath(sys.base_prefix))'", Repo.Root);
        if (python.Code != 0) Assert.Fail($"python3 with moto is needed for the local profile: {python.Output}");
        var (pythonBin, prefix) = (Path.GetDirectoryName(python.Output.Split('\n')[0].Trim())!, python.Output.Split('\n')[1].Trim());
        if (!File.Exists(Path.Combine(pythonBin, "moto_server")))
            Assert.Fail($"moto_server is not beside {pythonBin}/python3, so the user's PATH cannot reach it; install moto[server] into that Python");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(hidden, ".nuget", "packages");
        var exposed = new[] { prefix, packages }.Where(p => p.StartsWith(hidden + "/", StringComparison.Ordinal)).Distinct();
        var dotnet = Path.GetDirectoryName(Shell("readlink -f \"$(command -v dotnet)\"", Repo.Root).Output.Trim())!;
        var path = $"{pythonBin}:{dotnet}:/usr/local/bin:/usr/bin:/bin";
        return words => $"'{AsUserScript}' {user.Name} '{clone}' '{path}' '{hidden}' {string.Join(' ', exposed.Select(e => $"'{e}'"))} -- " +
                        $"NUGET_PACKAGES='{packages}' DWH_LOCAL__PG_PORT={pgPort} DWH_LOCAL__MOTO_PORT={motoPort} NO_COLOR=1 {words}";
    }

    /// git status --porcelain lines (with --ignored: the ignored entries only, as "!! path").
    static IReadOnlyList<string> GitStatus(string clone, bool ignored)
    {
        var status = Shell($"git -c safe.directory='*' status --porcelain{(ignored ? " --ignored" : "")}", clone);
        Assert.That(status.Code, Is.EqualTo(0), status.Output);
        return status.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !ignored || l.StartsWith("!! ")).ToList();
    }

    /// The command lines of a user's live processes (every user's when <paramref name="user"/> is null). Zombies are
    /// left out: a stopped moto is dead but waits, for a moment, to be reaped by init, which is not the pipeline's.
    static IReadOnlyList<string> ProcessArgs(string? user)
    {
        var (_, output) = ThrowawayUser.Run("ps", user is null ? ["-e", "-o", "stat=,args="] : ["-u", user, "-o", "stat=,args="]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries)).Where(f => f.Length == 2 && !f[0].StartsWith('Z'))
            .Select(f => f[1]).ToList();
    }

    static IReadOnlyList<string> TempEntriesOf(string user) =>
        new[] { "/tmp", "/var/tmp", "/dev/shm" }.Where(Directory.Exists)
            .SelectMany(d => ThrowawayUser.Run("find", d, "-mindepth", "1", "-maxdepth", "1", "-user", user).Output
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
}
