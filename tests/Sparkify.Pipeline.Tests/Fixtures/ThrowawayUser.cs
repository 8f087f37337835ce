using System.Diagnostics;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A normal user made for one test (useradd, home 0700 under /home) and removed with its home on Dispose, after its
/// leftover processes are killed one pid at a time. Needs root: without it the constructor fails the test, never skips.
/// </summary>
public sealed class ThrowawayUser : IDisposable
{
    public ThrowawayUser()
    {
        if (Environment.UserName != "root")
            Assert.Fail("this test makes a throwaway user with useradd, which needs root; run the suite as root (CI does)");
        Name = $"spk{Guid.NewGuid():N}"[..11];
        Home = $"/home/{Name}";
        var (code, output) = Run("/usr/sbin/useradd", "--create-home", "--home-dir", Home, "--shell", "/bin/sh", "--user-group", Name);
        if (code != 0) Assert.Fail($"useradd {Name} failed (exit {code}): {output}; the test needs useradd (Debian: passwd)");
        File.SetUnixFileMode(Home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Name { get; }

    public string Home { get; }

    /// The pids of every process running as this user (ps -u).
    public IReadOnlyList<int> Processes()
    {
        var (_, output) = Run("ps", "-u", Name, "-o", "pid=");
        return output.Split('\n', StringSplitOptions.TrimEntries).Where(l => int.TryParse(l, out _)).Select(int.Parse).ToList();
    }

    /// Gives <paramref name="path"/> (recursively) to this user.
    public void Own(string path)
    {
        var (code, output) = Run("chown", "-R", $"{Name}:{Name}", path);
        Assert.That(code, Is.EqualTo(0), $"chown -R {Name} {path}: {output}");
    }

    public static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (stdout + stderr.Result).Trim());
    }

    public void Dispose()
    {
        foreach (var pid in Processes()) Run("kill", "-KILL", pid.ToString());
        for (var i = 0; i < 50 && Processes().Count > 0; i++) Thread.Sleep(100);
        var (code, output) = Run("/usr/sbin/userdel", "--remove", Name);
        if (code != 0 && code != 12) TestContext.Out.WriteLine($"userdel --remove {Name} (exit {code}): {output}");
        if (Directory.Exists(Home)) Directory.Delete(Home, recursive: true);
        // The .NET SDK's NuGet lock folder for this user (userdel leaves /tmp alone; the next user may get the same uid).
        var scratch = Path.Combine(Path.GetTempPath(), $"NuGetScratch{Name}");
        if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
    }
}
