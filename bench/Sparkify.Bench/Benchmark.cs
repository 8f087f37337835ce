using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline;
using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// Generates a sample, starts one throwaway PostgreSQL (and moto for the S3 path), then times each load method into
/// the same empty staging tables and prints wall seconds, rows/s, peak memory and the ratios a/b and c/a; then the
/// transform cases (TransformCases) on the same server; then the daily cases (DailyCases: ./build.sh Etl runs).
/// </summary>
public static class Benchmark
{
    static readonly string[] Repeated = ["a", "f"];

    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter output, CancellationToken ct)
    {
        Directory.CreateDirectory(options.Work);
        var log = new PipelineLog(output);
        var sql = SqlFiles.In(options.Root);
        var postgres = new LocalPostgres(Path.Combine(options.Work, "pg"), Ports.Free(), log);
        try
        {
            var sample = await GenerateAsync(options, "sample", options.Seed, output, ct);
            var warehouse = await postgres.EnsureRunningAsync("bench", "bench", Passwords.New(), ct);
            await CreateTables.RunAsync(warehouse, sql, recreate: true, ct);

            var results = new List<Measurement>();
            await using var services = new BenchServices(options.Work, log);
            var methods = options.Loads ? Methods(options, sql, services).ToList() : [];
            if (options.Warmup && methods.Count > 0) await WarmUpAsync(methods, warehouse, sql, options, output, ct);
            var pid = postgres.PostmasterPid();
            var runs = methods.ToDictionary(m => m.Key, _ => new List<Measurement>());
            // The ratio's two methods, the loader (a) and the ceiling (f), run --runs times, interleaved round by round so
            // that a busy spell of the shared machine falls on both; the median run is reported.
            for (var round = 0; round < options.Runs; round++)
                foreach (var method in methods.Where(m => round == 0 || Repeated.Contains(m.Key)))
                {
                    output.WriteLine($"({method.Key}) {method.Name}{(round > 0 ? $", run {round + 1}" : "")} ...");
                    var measurement = await MeasureAsync(method, warehouse, sql, sample.Directory, pid, ct);
                    output.WriteLine($"    {measurement.Rows:N0} rows in {measurement.Seconds:F2} s, CPU client {measurement.ClientCpu:F2} s, " +
                                     $"server {measurement.ServerCpu:F2} s, load average {measurement.LoadAverage:F2} {measurement.Note}");
                    runs[method.Key].Add(measurement);
                }
            results.AddRange(methods.Select(m => Median(runs[m.Key])));
            var transform = options.Transforms
                ? await TransformCases.RunAsync(new TransformHarness(warehouse, sql, options.Root, output), options, sample,
                    token => GenerateAsync(options, "sample-b", options.Seed + 1, output, token), ct)
                : null;
            var daily = options.Cases.Contains(DailyCases.Key) ? await DailyCases.RunAsync(options, sample, output, ct) : null;
            var report = new BenchReport(options.Scale, sample, results, transform) { Daily = daily };
            report.Print(output);
            return report;
        }
        finally
        {
            await postgres.StopAsync(CancellationToken.None);
            if (!options.Keep && Directory.Exists(options.Work)) Directory.Delete(options.Work, recursive: true);
        }
    }

    static async Task<GeneratedSample> GenerateAsync(BenchOptions options, string folder, int seed, TextWriter output, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var sample = await Generator.WriteAsync(Path.Combine(options.Work, folder), new GeneratorOptions(options.Scale, seed), ct);
        output.WriteLine($"Generated scale {options.Scale} (seed {seed}): {sample.Events:N0} events, {sample.Songs:N0} songs, " +
                         $"{sample.Files:N0} files, {sample.Bytes / 1e6:N1} MB in {clock.Elapsed.TotalSeconds:F1} s");
        return sample;
    }

    /// <summary>
    /// One untimed pass of every method over a small scale-1 sample first: JIT compilation, connection pools and
    /// moto's start would otherwise be charged to whichever method runs first.
    /// </summary>
    static async Task WarmUpAsync(IReadOnlyList<ILoadMethod> methods, WarehouseEndpoint warehouse, SqlFiles sql,
        BenchOptions options, TextWriter output, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var warmup = await Generator.WriteAsync(Path.Combine(options.Work, "warmup"), new GeneratorOptions(1, options.Seed + 1), ct);
        foreach (var method in methods) await MeasureAsync(method, warehouse, sql, warmup.Directory, null, ct);
        output.WriteLine($"Warm-up pass of every method done in {clock.Elapsed.TotalSeconds:F1} s (not counted)");
    }

    static IEnumerable<ILoadMethod> Methods(BenchOptions options, SqlFiles sql, BenchServices services)
    {
        if (options.Methods.Contains("a")) yield return ProjectLoaderLoad.FromDirectory(sql, options.Root);
        if (options.Methods.Contains("b")) yield return new NativeJsonLoad(sql);
        if (options.Methods.Contains("c")) yield return new RowByRowLoad(sql, options.RowLimit);
        if (options.Methods.Contains("d")) yield return ProjectLoaderLoad.FromS3(sql, options.Root, services);
        if (options.Methods.Contains("e")) yield return new S3FetchOnly(ProjectLoaderLoad.Options(options.Root), services);
        if (options.Methods.Contains("f")) yield return new TypedCsvCeiling(sql, ProjectLoaderLoad.FromDirectory(sql, options.Root), options.Work);
    }

    static async Task<Measurement> MeasureAsync(ILoadMethod method, WarehouseEndpoint warehouse, SqlFiles sql, string sample, int? postmaster,
        CancellationToken ct)
    {
        await using (var connection = await warehouse.OpenAsync(ct))
        await using (var truncate = new NpgsqlCommand(BenchSql.Read(sql, "truncate_staging.sql"), connection))
            await truncate.ExecuteNonQueryAsync(ct);
        await method.PrepareAsync(warehouse, sample, ct);
        LoadOutcome outcome;
        double seconds;
        long peak, baseline;
        (double Client, double? Server) cpu;
        var load = CpuClock.LoadAverage();
        using (var memory = PeakMemory.Start())
        {
            baseline = memory.BaselineBytes;
            var cpuClock = CpuClock.Start(postmaster);
            var clock = Stopwatch.StartNew();
            outcome = await method.LoadAsync(warehouse, sample, ct);
            seconds = clock.Elapsed.TotalSeconds;
            cpu = cpuClock.Read();
            peak = memory.Bytes;
        }
        var rows = await CountAsync(warehouse, ct);
        var measured = new Measurement(method.Key, method.Name, rows, seconds, peak, baseline, outcome.Note)
        {
            InputBytes = outcome.InputBytes ?? SampleBytes(sample), ClientCpu = cpu.Client, ServerCpu = cpu.Server, LoadAverage = load,
        };
        if (outcome.FullRows is { } full && full > rows)
            return measured with { Rows = full, Seconds = seconds * full / rows, Note = $"(extrapolated: {rows:N0} of {full:N0} rows took {seconds:F1} s)" };
        return measured;
    }

    /// The run of median wall time, with every run's seconds.
    static Measurement Median(List<Measurement> runs) =>
        runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2) with { Runs = runs.Select(r => r.Seconds).ToList() };

    static long SampleBytes(string sample)
    {
        var files = SampleFiles.In(sample);
        return files.Songs.Concat(files.Logs).Sum(f => new FileInfo(f).Length);
    }

    static async Task<long> CountAsync(WarehouseEndpoint warehouse, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        await using var count = new NpgsqlCommand("select (select count(*) from staging_events) + (select count(*) from staging_songs)", connection);
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }
}
