using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// Writes a deterministic synthetic sample: --scale=N (default 1), --seed=S (default 42), --out=DIR (default artifacts/sample).
public static class Generate
{
    public static Task<GeneratedSample> ExecuteAsync(Run run) => run.Boundary("Generate", async () =>
    {
        var options = new GeneratorOptions(Whole(run, Options.Scale, 1), Whole(run, Options.Seed, 42));
        var directory = Path.GetFullPath(Path.Combine(run.Root, run.Args.Value(Options.Out) ?? Path.Combine("artifacts", "sample")));
        var clock = Stopwatch.StartNew();
        var sample = await Generator.WriteAsync(directory, options, run.Ct);
        run.Log.Information($"Generate (scale {options.Scale}, seed {options.Seed}) wrote {directory}: {sample.Songs:N0} songs by " +
                            $"{sample.Artists:N0} artists, {sample.Events:N0} events over {sample.Days} days, {sample.Files:N0} files, " +
                            $"{sample.Bytes:N0} bytes in {clock.Elapsed.TotalSeconds:F1} s");
        run.Summary.Set("generate", new JsonObject
        {
            ["directory"] = directory, ["scale"] = options.Scale, ["seed"] = options.Seed, ["songs"] = sample.Songs,
            ["artists"] = sample.Artists, ["events"] = sample.Events, ["days"] = sample.Days, ["files"] = sample.Files, ["bytes"] = sample.Bytes,
        });
        return sample;
    });

    static int Whole(Run run, OptionSpec option, int fallback)
    {
        var text = run.Args.Value(option);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PipelineException($"--{option.Name}={text} is not a whole number");
    }
}
