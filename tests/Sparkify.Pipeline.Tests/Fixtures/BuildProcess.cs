using System.Diagnostics;
using System.Text;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// ./build.sh started in the background with extra environment variables (a pause point, for one), so a test can
/// watch its output for a line, then signal or kill it. The pid is the one ./build.sh was started as.
/// </summary>
public sealed class BuildProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    BuildProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output { get { lock (_output) return Ansi.Strip(_output.ToString()); } }

    public static BuildProcess Start(BuildScript build, IReadOnlyDictionary<string, string> environment, params string[] words)
    {
        var info = new ProcessStartInfo(Path.Combine(Repo.Root, "build.sh"))
        {
            WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment = { ["NO_COLOR"] = "1" },
        };
        info.Environment.Remove("GITHUB_ACTIONS");   // as BuildScript: no annotations of the suite's own job
        info.Environment.Remove("GITHUB_STEP_SUMMARY");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        foreach (var w in words.Concat(build.IsolationArguments)) info.ArgumentList.Add(w);
        var process = new Process { StartInfo = info };
        var started = new BuildProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// Waits until the output holds <paramref name="text"/>; fails with the output so far when it does not come.
    public void WaitForLine(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) Assert.Fail($"./build.sh ended (exit {_process.ExitCode}) before printing '{text}':\n{Output}");
            if (clock.Elapsed > timeout) Assert.Fail($"no '{text}' within {timeout.TotalSeconds:0} s:\n{Output}");
            Thread.Sleep(100);
        }
    }

    /// Sends a POSIX signal to the launched pid only (kill -TERM PID, kill -INT PID, kill -KILL PID).
    public void Signal(string name) =>
        Assert.That(Process.Start("kill", ["-" + name, Pid.ToString()])!.WaitForExit(10_000), Is.True, $"kill -{name} {Pid}");

    /// kill -9 of the whole process tree the launched pid leads.
    public void KillTree() => _process.Kill(entireProcessTree: true);

    /// The exit code once the process ended; fails when it is still running after <paramref name="timeout"/>.
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"./build.sh (pid {Pid}) still running {timeout.TotalSeconds:0} s later:\n{Output}");
        }
        _process.WaitForExit();
        TestContext.Out.WriteLine($"$ ./build.sh (background pid {Pid}, exit {_process.ExitCode})\n{Output}");
        return _process.ExitCode;
    }

    void Append(string? line)
    {
        if (line is not null) lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
