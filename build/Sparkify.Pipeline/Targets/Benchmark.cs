using System.Diagnostics;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// Runs the benchmark of bench/Sparkify.Bench (its own PostgreSQL and moto): --scale, --seed, --methods, --row-limit, --no-warmup, --cases, --runs.
public static class Benchmark
{
    static readonly OptionSpec[] Passed = [Options.Scale, Options.Seed, Options.Methods, Options.RowLimit, Options.Work, Options.Cases, Options.Runs];

    public static Task<int> ExecuteAsync(Run run) => run.Boundary("Benchmark", async () =>
    {
        // A child process: the benchmark measures its own peak memory, which the build's process would distort.
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = run.Root };
        foreach (var a in new[] { "run", "-c", "Release", "--project", "bench/Sparkify.Bench", "--", BenchOnlyOptions.Root.Given(run.Root) })
            info.ArgumentList.Add(a);
        foreach (var option in Passed)
            if (run.Args.Value(option) is { } value) info.ArgumentList.Add(option.Given(value));
        if (run.Args.Flag(Options.NoWarmup)) info.ArgumentList.Add(Options.NoWarmup.Given());
        using var process = ProcessRunner.Start(info);
        await process.WaitForExitAsync(run.Ct);
        if (process.ExitCode != 0)
            throw new PipelineException($"the benchmark exited with {process.ExitCode} (its output is above)");
        return process.ExitCode;
    });
}
