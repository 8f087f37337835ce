using System.Diagnostics;
using System.Xml.Linq;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// Runs the NUnit suite with dotnet test and ends with one plain line: "N passed, N failed, N skipped".
public static class TestRun
{
    public static Task<TestCounts> ExecuteAsync(Run run) => run.Boundary("Test", async () =>
    {
        var results = Path.Combine(run.ArtifactsDir, "test-results");
        if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = run.Root };
        foreach (var a in new[] { "test", "tests/Sparkify.Pipeline.Tests", "-c", "Release", "--nologo",
                     "--logger", "trx;LogFileName=results.trx", "--logger", "console;verbosity=normal", "--results-directory", results })
            info.ArgumentList.Add(a);
        // dotnet test takes the filter under the same name.
        if (run.Args.Value(Options.Filter) is { } filter) { info.ArgumentList.Add(Options.Filter.Given()); info.ArgumentList.Add(filter); }
        // build.sh's JIT settings are for the pipeline's own run: it doubled the CPU of dotnet test's builds, and the
        // ./build.sh processes the suite starts set it for themselves (build.sh, issue 29).
        info.Environment.Remove("DOTNET_TC_CallCountingDelayMs");
        info.Environment.Remove("DOTNET_TC_CallCountThreshold");
        using var process = Local.ProcessRunner.Start(info);
        await process.WaitForExitAsync(run.Ct);
        var counts = Read(Path.Combine(results, "results.trx"));
        Console.WriteLine($"Test: {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
        if (process.ExitCode != 0 || counts.Failed > 0 || counts.Passed == 0)
            throw new PipelineException(counts.Total == 0
                ? $"dotnet test exited with {process.ExitCode} and ran no test (see its output above)"
                : $"{counts.Failed} of {counts.Total} tests failed (details above; results in {results})");
        return counts;
    });

    static TestCounts Read(string trx)
    {
        if (!File.Exists(trx)) return new TestCounts(0, 0, 0);
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var counters = XDocument.Load(trx).Descendants(ns + "Counters").FirstOrDefault();
        int Count(string name) => int.TryParse(counters?.Attribute(name)?.Value, out var n) ? n : 0;
        var total = Count("total");
        var passed = Count("passed");
        var failed = Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        return new TestCounts(passed, failed, total - passed - failed);
    }
}

public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public int Total => Passed + Failed + Skipped;
}
