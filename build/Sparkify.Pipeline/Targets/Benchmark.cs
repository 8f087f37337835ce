using System.Diagnostics;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// Runs the benchmark of bench/Sparkify.Bench (its own PostgreSQL and moto): --scale, --seed, --methods, --row-limit, --no-warmup, --cases, --runs.
public static class Benchmark
{
    static readonly string[] Passed = ["scale", "seed", "methods", "row-limit", "work", "cases", "runs"];

    public static Task<int> ExecuteAsync(Run run) => run.Boundary("Benchmark", async () =>
    {
        // A child process: the benchmark measures its own peak memory, which the build's process would distort.
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = run.Root };
        foreach (var a in new[] { "run", "-c", "Release", "--project", "bench/Sparkify.Bench", "--", $"--root={run.Root}" })
            info.ArgumentList.Add(a);
        foreach (var name in Passed)
            if (run.Args.Value(name) is { } value) info.ArgumentList.Add($"--{name}={value}");
        if (run.Args.Flag("no-warmup")) info.ArgumentList.Add("--no-warmup");
        using var process = ProcessRunner.Start(info);
        await process.WaitForExitAsync(run.Ct);
        if (process.ExitCode != 0)
            throw new PipelineException($"the benchmark exited with {process.ExitCode} (its output is above)");
        return process.ExitCode;
    });
}
