using Sparkify.Pipeline.Generation;

namespace Sparkify.Bench;

/// The figures of one benchmark run, printed as a table with the ratios the performance goals speak of.
public sealed record BenchReport(int Scale, GeneratedSample Sample, IReadOnlyList<Measurement> Results, TransformReport? Transform = null)
{
    /// The daily cases (./build.sh Etl: full, no-op, one new day), when they ran.
    public DailyReport? Daily { get; init; }
    /// Every run's seconds after the median's, when the method ran more than once.
    static string Spread(Measurement r) => r.Runs.Count > 1 ? $" ({string.Join(", ", r.Runs.Select(s => s.ToString("F2")))})" : "";

    public Measurement? Get(string key) => Results.FirstOrDefault(r => r.Key == key);

    public void Print(TextWriter output)
    {
        if (Results.Count > 0) PrintLoads(output);
        Transform?.Print(output);
        Daily?.Print(output);
    }

    void PrintLoads(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Scale {Scale}: {Sample.Events:N0} events in {Sample.Files - Sample.Songs - 1:N0} log files, {Sample.Songs:N0} song files " +
                         $"({Environment.ProcessorCount} cores, {Environment.OSVersion.VersionString})");
        output.WriteLine("| method | rows | MB in | wall s | rows/s | MB/s per core | CPU s client | CPU s server | peak MB (at start) | load avg | note |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Results)
            output.WriteLine($"| ({r.Key}) {r.Method} | {r.Rows:N0} | {r.InputBytes / 1e6:N0} | {r.Seconds:F2}{Spread(r)} | {r.RowsPerSecond:N0} | " +
                             $"{r.MegabytesPerCoreSecond:N0} | {r.ClientCpu:F2} | {r.ServerCpu?.ToString("F2") ?? "?"} | " +
                             $"{r.PeakMegabytes:F0} ({r.BaselineMegabytes:F0}) | {r.LoadAverage:F2} | {r.Note} |");
        output.WriteLine("peak MB: this process's peak resident memory while the method ran; in brackets, its resident memory when the method started.");
        output.WriteLine("MB/s per core: MB in over the CPU-seconds of client and server together; load avg: the machine's 1-minute load average at the start.");
        if (Get("a") is { } loader && Get("f") is { } ceiling)
            output.WriteLine($"a/f = {loader.Seconds / ceiling.Seconds:F2} (the loader over the typed CSV COPY FREEZE of the same rows; at or below 1.0 is the goal of issue 29: " +
                             $"{loader.Seconds:F2} s against {ceiling.Seconds:F2} s, {loader.RowsPerSecond:N0} against {ceiling.RowsPerSecond:N0} rows/s, " +
                             $"peak {loader.PeakMegabytes:F0} MB, load average {loader.LoadAverage:F2} and {ceiling.LoadAverage:F2})");
        if (Get("a") is { } a)
        {
            if (Get("b") is { } b) output.WriteLine($"a/b = {a.Seconds / b.Seconds:F2} (time of the loader over the native path; below 1 is faster)");
            if (Get("c") is { } c) output.WriteLine($"c/a = {c.Seconds / a.Seconds:F1} (how many times faster than row-by-row)");
            if (Get("d") is { } d) output.WriteLine($"d/a = {d.Seconds / a.Seconds:F2} (local S3 over local directory)");
        }
        else if (Get("b") is { } b && Get("c") is { } c)
        {
            output.WriteLine($"c/b = {c.Seconds / b.Seconds:F1} (row-by-row over the native path; the project's loader was not run)");
        }
        if (Get("d") is { } s3 && Get("e") is { } fetch)
            output.WriteLine($"d/e = {s3.Seconds / fetch.Seconds:F2} (local S3 load over fetching the same objects alone; near 1: the S3 server sets the pace)");
    }
}
