using Sparkify.Pipeline;
using Sparkify.Pipeline.Generation;

namespace Sparkify.Bench;

/// <summary>
/// The history cases of issue 11 (point 3): a full Transform after a history, timed and compared with a clean run on
/// the same data (issue 11 wants at most 2x). Each starts from, and leaves, the warehouse built from sample A.
/// </summary>
public sealed class HistoryCases(TransformHarness bench, TransformCase clean, StarChecksum freshA, int runs)
{
    /// (h1) Sample A built, sample B staged, full Transform (A→B, against the median of B's own fresh builds); then back (B→A).
    public async Task<IReadOnlyList<TransformCase>> SampleSwitchAsync(GeneratedSample a, GeneratedSample b, CancellationToken ct)
    {
        await bench.StageAsync(b.Directory, ct);
        var toB = await bench.TransformAsync(null, ct);
        var switched = await bench.ChecksumAsync(ct);
        var buildsB = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            buildsB.Add(await bench.FreshBuildAsync(ct));
            switched.RequireEqual(await bench.ChecksumAsync(ct), $"h1 (sample A→B, against fresh build {run} of B)");
        }
        var cleanB = TransformHarness.Median(buildsB);
        bench.Output.WriteLine($"    h1 A→B {toB:F2} s, fresh build of B {cleanB:F2} s ({TransformCases.Runs(buildsB)})");

        await bench.StageAsync(a.Directory, ct);
        var toA = await bench.TransformAsync(null, ct);
        (await bench.ChecksumAsync(ct)).RequireEqual(freshA, "h1 (sample B→A)");
        bench.Output.WriteLine($"    h1 B→A {toA:F2} s");
        return
        [
            new TransformCase("h1 A→B", "sample switch: A built, B staged, full Transform", toB, switched.Songplays, "h1/clean B", cleanB,
                $"clean B: fresh builds of B ({b.Events:N0} events), {TransformCases.Runs(buildsB)}"),
            new TransformCase("h1 B→A", "sample switch back: B built, A staged, full Transform", toA, freshA.Songplays, "h1/clean", clean.Seconds),
        ];
    }

    /// (h2) A full Transform into empty star tables killed partway (its backend terminated), vacuum analyze, then the full Transform.
    public async Task<TransformCase> CrashThenVacuumAsync(CancellationToken ct)
    {
        var crash = await TransformCrash.RunAsync(bench, TimeSpan.FromSeconds(clean.Seconds / 2), ct);
        await BenchSql.ExecuteAsync(bench.Warehouse, bench.Sql, "vacuum_analyze_star.sql", ct);
        var seconds = await bench.TransformAsync(null, ct);
        (await bench.ChecksumAsync(ct)).RequireEqual(freshA, "h2 (crash + vacuum analyze)");
        bench.Output.WriteLine($"    h2 {crash}; then vacuum analyze; full Transform {seconds:F2} s");
        return new TransformCase("h2", "crash + vacuum analyze, then full Transform", seconds, freshA.Songplays, "h2/clean", clean.Seconds, crash);
    }

    /// (h3) Ten 3-day windows sliding by one day from the first day given, on the built warehouse, then a full Transform.
    public async Task<TransformCase> OverlappingWindowsAsync(DateOnly first, CancellationToken ct)
    {
        var windows = new List<double>();
        for (var i = 0; i < 10; i++)
            windows.Add(await bench.TransformAsync(new DateWindow(first.AddDays(i), first.AddDays(i + 2)), ct));
        (await bench.ChecksumAsync(ct)).RequireEqual(freshA, "h3 (after the ten windows)");
        var seconds = await bench.TransformAsync(null, ct);
        (await bench.ChecksumAsync(ct)).RequireEqual(freshA, "h3 (ten windows, then full)");
        var span = new DateWindow(first, first.AddDays(11));
        bench.Output.WriteLine($"    h3 ten 3-day windows over {span}: mean {windows.Average():F2} s; then full Transform {seconds:F2} s");
        return new TransformCase("h3", "ten overlapping 3-day windows, then full Transform", seconds, freshA.Songplays, "h3/clean", clean.Seconds,
            $"windows {span}, mean window {windows.Average():F2} s (max {windows.Max():F2})");
    }
}
