using System.Diagnostics;
using System.Text.Json.Nodes;
using Sparkify.Pipeline;
using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Local;

namespace Sparkify.Bench;

/// <summary>
/// The daily cases of issue 27, as a user runs them: ./build.sh Etl on the local profile (its own ports, data, state
/// and artifacts under the work folder) over the generated sample less its last day. Timed: a full `Etl --force`, a
/// no-op `Etl` (nothing changed), and `Etl` after the held-back day's logs arrive; each as wall seconds of the process
/// and as the seconds of its targets (the run record), with its ratio to the full run. An untimed first Etl starts the
/// services and loads, so that the full run is the warm `--force` of a daily operator, not a cold start.
/// </summary>
public static class DailyCases
{
    public const string Key = "daily";

    public static async Task<DailyReport> RunAsync(BenchOptions options, GeneratedSample sample, TextWriter output, CancellationToken ct)
    {
        var folder = Path.Combine(options.Work, "daily");
        Directory.CreateDirectory(folder);
        var isolation = new[]
        {
            $"--LOCAL:pg_port={Ports.Free()}", $"--LOCAL:moto_port={Ports.Free()}", $"--LOCAL:data_dir={Path.Combine(folder, "local")}",
            $"--state-dir={Path.Combine(folder, "state")}", $"--artifacts={Path.Combine(folder, "artifacts")}",
        };
        var lastDay = Directory.GetFiles(Path.Combine(sample.Directory, "log_data", "2018", "11"), $"2018-11-{Generator.Days:00}-events*.json");
        var held = Path.Combine(folder, "held-back-day");
        Directory.CreateDirectory(held);
        foreach (var f in lastDay) File.Move(f, Path.Combine(held, Path.GetFileName(f)));
        try
        {
            output.WriteLine($"Daily cases at scale {options.Scale}: the sample less 2018-11-{Generator.Days:00} ({lastDay.Length} log files held back)");
            await RunAsync(options.Root, ["Etl", $"--sample={sample.Directory}", .. isolation], folder, "first Etl (untimed)", output, ct);
            var full = await RunAsync(options.Root, ["Etl", $"--sample={sample.Directory}", "--force", .. isolation], folder, "full Etl --force", output, ct);
            var noop = await RunAsync(options.Root, ["Etl", $"--sample={sample.Directory}", .. isolation], folder, "no-op Etl", output, ct);
            foreach (var f in lastDay) File.Move(Path.Combine(held, Path.GetFileName(f)), f);
            var newDay = await RunAsync(options.Root, ["Etl", $"--sample={sample.Directory}", .. isolation], folder, "Etl after one new day", output, ct);
            return new DailyReport(options.Scale, full, noop, newDay);
        }
        finally
        {
            foreach (var f in lastDay.Where(f => !File.Exists(f))) File.Move(Path.Combine(held, Path.GetFileName(f)), f);
            await RunAsync(options.Root, ["Teardown", .. isolation], folder, "Teardown (untimed)", output, CancellationToken.None, quiet: true);
        }
    }

    /// One ./build.sh run: its wall seconds, its targets' seconds and which of them were up to date (its run record).
    static async Task<DailyRun> RunAsync(string root, string[] words, string folder, string name, TextWriter output, CancellationToken ct,
        bool quiet = false)
    {
        var info = new ProcessStartInfo(Path.Combine(root, "build.sh")) { WorkingDirectory = root, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var w in words) info.ArgumentList.Add(w);
        info.Environment["NO_COLOR"] = "1";
        var before = Records(folder).ToHashSet();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new PipelineException($"could not start {info.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
            throw new PipelineException($"{name}: ./build.sh {string.Join(' ', words)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        if (quiet) return new DailyRun(name, wall, 0, []);
        var record = Records(folder).Except(before).Select(f => JsonNode.Parse(File.ReadAllText(f))!).Single();
        var targets = record["targets"]!.AsArray().Select(t => t!).ToList();
        var upToDate = targets.Where(t => t["up_to_date_since"] is not null).Select(t => t["name"]!.GetValue<string>()).ToList();
        var run = new DailyRun(name, wall, targets.Sum(t => t["seconds"]!.GetValue<double>()), upToDate);
        output.WriteLine($"    {name}: {run.WallSeconds:F2} s wall, {run.TargetSeconds:F2} s of targets" +
                         (upToDate.Count > 0 ? $"; up to date: {string.Join(", ", upToDate)}" : ""));
        output.WriteLine("      " + string.Join(", ", targets.Select(t => $"{t["name"]} {t["seconds"]!.GetValue<double>():F2}")));
        return run;
    }

    static IEnumerable<string> Records(string folder)
    {
        var runs = Path.Combine(folder, "artifacts", "runs");
        return Directory.Exists(runs) ? Directory.GetFiles(runs, "*.json") : [];
    }
}

/// One timed ./build.sh run of the daily cases.
public sealed record DailyRun(string Name, double WallSeconds, double TargetSeconds, IReadOnlyList<string> UpToDate);

/// The daily cases' figures, with the ratios issue 27 sets goals for (no-op ≤ 0.2, one new day ≤ 0.4 of the full run).
public sealed record DailyReport(int Scale, DailyRun Full, DailyRun NoOp, DailyRun NewDay)
{
    public double NoOpRatio => NoOp.WallSeconds / Full.WallSeconds;
    public double NewDayRatio => NewDay.WallSeconds / Full.WallSeconds;

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Daily cases, scale {Scale} (./build.sh Etl, local profile, services up):");
        output.WriteLine("| case | wall s | targets s | wall / full | targets / full | goal |");
        output.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var (run, goal) in new[] { (Full, ""), (NoOp, "≤ 0.2"), (NewDay, "≤ 0.4") })
            output.WriteLine($"| {run.Name} | {run.WallSeconds:F2} | {run.TargetSeconds:F2} | {run.WallSeconds / Full.WallSeconds:F2} | " +
                             $"{run.TargetSeconds / Full.TargetSeconds:F2} | {goal} |");
        output.WriteLine($"no-op/full = {NoOpRatio:F2} (goal ≤ 0.2{(NoOpRatio <= 0.2 ? ", met" : ", not met")}); " +
                         $"new day/full = {NewDayRatio:F2} (goal ≤ 0.4{(NewDayRatio <= 0.4 ? ", met" : ", not met")}); " +
                         "wall includes ./build.sh's own start (Cake, script) of about 1-2 s per run");
    }
}
