using Npgsql;
using Sparkify.Pipeline;
using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Modeling;

namespace Sparkify.Bench;

/// <summary>
/// The transform cases (docs/benchmark.md): clean (the project's Transform into empty star tables beside the plain
/// peer on the same staging), rerun, a one-day window, and the history cases of issue 11 (HistoryCases). Each ends
/// with the star tables checked against a fresh build of the same staged data.
/// </summary>
public static class TransformCases
{
    public static readonly IReadOnlyList<string> Keys = ["clean", "rerun", "window", "h1", "h2", "h3"];

    /// The generator's first event day: log_data/2018/11/, GeneratedSample.Days days from the 1st.
    public static readonly DateOnly FirstDay = new(2018, 11, 1);

    public static async Task<TransformReport> RunAsync(TransformHarness bench, BenchOptions options, GeneratedSample sample,
        Func<CancellationToken, Task<GeneratedSample>> sampleB, CancellationToken ct)
    {
        var output = bench.Output;
        output.WriteLine($"Transform cases {string.Join(',', Keys.Where(options.Cases.Contains))} at scale {options.Scale}, {options.Runs} run(s) each where repeated");
        await bench.StageAsync(sample.Directory, ct);
        if (options.Warmup)
            output.WriteLine($"    warm-up fresh build (not counted): {await bench.FreshBuildAsync(ct):F2} s");
        var (clean, peer, fresh) = await CleanAsync(bench, options.Runs, ct);
        var cases = new List<TransformCase> { clean, peer };
        if (options.Cases.Contains("rerun")) cases.Add(await RerunAsync(bench, options.Runs, clean, fresh, ct));
        var middle = FirstDay.AddDays(sample.Days / 2);
        if (options.Cases.Contains("window")) cases.Add(await WindowAsync(bench, options.Runs, clean, fresh, middle, ct));
        var history = new HistoryCases(bench, clean, fresh, options.Runs);
        if (options.Cases.Contains("h3")) cases.Add(await history.OverlappingWindowsAsync(middle.AddDays(-5), ct));
        if (options.Cases.Contains("h2")) cases.Add(await history.CrashThenVacuumAsync(ct));
        if (options.Cases.Contains("h1")) cases.AddRange(await history.SampleSwitchAsync(sample, await sampleB(ct), ct));
        return new TransformReport(options.Scale, sample.Events, cases);
    }

    /// Into empty star tables, the project then the peer, back to back, runs times; the medians and the fresh build's checksum.
    static async Task<(TransformCase Project, TransformCase Peer, StarChecksum Fresh)> CleanAsync(TransformHarness bench, int runs, CancellationToken ct)
    {
        var project = new List<double>();
        var peer = new List<double>();
        StarChecksum? fresh = null;
        long peerRows = 0;
        for (var run = 1; run <= runs; run++)
        {
            project.Add(await bench.FreshBuildAsync(ct));
            var built = await bench.ChecksumAsync(ct);
            if (fresh is null) fresh = built;
            else built.RequireEqual(fresh, $"clean (run {run} against run 1)");
            var (seconds, rows) = await PeerTransform.RunAsync(bench.Warehouse, bench.Sql, ct);
            peer.Add(seconds);
            peerRows = rows;
            bench.Output.WriteLine($"    clean run {run}: project {project[^1]:F2} s, peer {seconds:F2} s");
        }
        var projectCase = new TransformCase("clean", "project Transform into empty star tables", TransformHarness.Median(project),
            fresh!.Songplays, Note: Runs(project));
        var peerCase = new TransformCase("peer", "plain peer (sql/bench/peer/, five INSERT … SELECT)", TransformHarness.Median(peer), peerRows,
            Note: Runs(peer));
        return (projectCase with { RatioName = "project/peer", Versus = peerCase.Seconds }, peerCase, fresh);
    }

    static async Task<TransformCase> RerunAsync(TransformHarness bench, int runs, TransformCase clean, StarChecksum fresh, CancellationToken ct)
    {
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            times.Add(await bench.TransformAsync(null, ct));
            (await bench.ChecksumAsync(ct)).RequireEqual(fresh, $"rerun (run {run})");
        }
        return new TransformCase("rerun", "full Transform again, data unchanged", TransformHarness.Median(times), fresh.Songplays,
            "rerun/clean", clean.Seconds, Runs(times));
    }

    static async Task<TransformCase> WindowAsync(TransformHarness bench, int runs, TransformCase clean, StarChecksum fresh, DateOnly day,
        CancellationToken ct)
    {
        var window = new DateWindow(day, day);
        var times = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            times.Add(await bench.TransformAsync(window, ct));
            (await bench.ChecksumAsync(ct)).RequireEqual(fresh, $"window {window} (run {run})");
        }
        return new TransformCase("window", $"one-day window {window} on the full warehouse", TransformHarness.Median(times),
            await SongplaysInAsync(bench, window, ct), "window/full", clean.Seconds, Runs(times));
    }

    static async Task<long> SongplaysInAsync(TransformHarness bench, DateWindow window, CancellationToken ct)
    {
        await using var connection = await bench.Warehouse.OpenAsync(ct);
        await using var command = new NpgsqlCommand(BenchSql.Read(bench.Sql, "songplays_in_window.sql"), connection);
        EventRange.Of(window).Bind(command);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    internal static string Runs(IReadOnlyList<double> times) =>
        times.Count == 1 ? "one run" : $"median of {times.Count}: {string.Join(", ", times.Select(t => t.ToString("F2")))} s";
}
