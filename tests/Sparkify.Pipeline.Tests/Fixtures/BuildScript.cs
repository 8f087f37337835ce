using System.Diagnostics;
using System.Text;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// Runs ./build.sh as a user would, as a separate process, isolated from the user's own local profile: its own
/// free ports for moto and PostgreSQL, its own data, state and artifacts folders. Dispose tears the services down.
/// </summary>
public sealed class BuildScript : IDisposable
{
    readonly TempDir _dir = new("build");

    public int PgPort { get; } = Ports.Free();
    public int MotoPort { get; } = Ports.Free();
    public string DataDir => _dir.File("local");
    public string StateDir => _dir.File("state");
    public string ArtifactsDir => _dir.File("artifacts");

    /// Extra environment for every run (the aws-profile test passes its moto credentials this way).
    public Dictionary<string, string> Environment { get; } = [];

    public string[] IsolationArguments =>
    [
        $"--LOCAL:pg_port={PgPort}", $"--LOCAL:moto_port={MotoPort}", $"--LOCAL:data_dir={DataDir}",
        $"--state-dir={StateDir}", $"--artifacts={ArtifactsDir}",
    ];

    /// ./build.sh with the isolation arguments but this [LOCAL] data_dir instead of the fixture's own.
    public BuildResult RunWithDataDir(string dataDir, params string[] words) =>
        Run(false, [.. words, $"--LOCAL:pg_port={PgPort}", $"--LOCAL:moto_port={MotoPort}", $"--LOCAL:data_dir={dataDir}",
            $"--state-dir={StateDir}", $"--artifacts={ArtifactsDir}"]);

    /// ./build.sh with the given words, plus the isolation arguments unless <paramref name="isolated"/> is false.
    public BuildResult Run(params string[] words) => Run(true, words);

    public BuildResult Run(bool isolated, params string[] words) => Run(isolated, new Dictionary<string, string?>(), words);

    /// ./build.sh with extra environment variables; a null value removes the variable (NO_COLOR is set unless removed).
    public BuildResult Run(bool isolated, IReadOnlyDictionary<string, string?> environment, params string[] words)
    {
        var info = new ProcessStartInfo(Path.Combine(Repo.Root, "build.sh"))
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["NO_COLOR"] = "1" },
        };
        // A suite run inside GitHub Actions must not turn each test's run into annotations of its own job.
        info.Environment.Remove("GITHUB_ACTIONS");
        info.Environment.Remove("GITHUB_STEP_SUMMARY");
        foreach (var (k, v) in Environment) info.Environment[k] = v;
        foreach (var (name, value) in environment)
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        foreach (var w in words) info.ArgumentList.Add(w);
        if (isolated) foreach (var a in IsolationArguments) info.ArgumentList.Add(a);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"./build.sh {string.Join(' ', words)} did not finish within 10 minutes:\n{output}");
        }
        process.WaitForExit();
        var text = Ansi.Strip(output.ToString());
        TestContext.Out.WriteLine($"$ ./build.sh {string.Join(' ', words)}  (exit {process.ExitCode})\n{text}");
        return new BuildResult(process.ExitCode, text, output.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(DataDir)) Run("Teardown", "--profile=local");
        _dir.Dispose();
    }
}

/// Output has ANSI escapes stripped; Raw is the bytes as they came.
public sealed record BuildResult(int ExitCode, string Output, string Raw = "");

static class Ansi
{
    public static string Strip(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\x1B\[[0-9;]*[A-Za-z]", "");
}
