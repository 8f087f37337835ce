using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Safety;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Which source StageCopy loads, so that a warehouse has one (issue 27): --sample when given; else the source the
/// warehouse recorded (warehouse_source); else, on a warehouse that records none, a sample generated into .local/sample.
/// A window run from another source than the recorded one is refused before anything changes; a full run switches.
/// </summary>
static class StageSource
{
    static readonly GeneratorOptions Default = new();

    /// local profile: the sample folder to upload and its identity (the folder's real path, or "generated scale N seed S").
    public static async Task<(string Folder, string Identity)> LocalAsync(Run run, WarehouseSource? recorded)
    {
        var generated = WarehouseSource.Generated(Default.Scale, Default.Seed);
        if (run.Args.Value(Options.Sample) is { } dir)
        {
            var folder = RealPath.Of(Path.Combine(run.Root, dir));
            Require(run, recorded, folder);
            return (folder, folder);
        }
        if (recorded is null || recorded.Source == generated)
            return (await GeneratedSampleAsync(run), generated);
        if (recorded.Source.StartsWith("generated ", StringComparison.Ordinal))
            throw new PipelineException($"the warehouse was built from a sample {recorded.Source} (run {recorded.SetByRun}), which StageCopy " +
                                        $"cannot make again; nothing was changed. Pass --sample=DIR for a full run from that folder");
        if (!File.Exists(Path.Combine(recorded.Source, "log_json_path.json")))
            throw new PipelineException($"the warehouse was built from the sample {recorded.Source} (run {recorded.SetByRun}), which no longer " +
                                        "exists (or has no log_json_path.json); nothing was changed. Put it back, or switch the warehouse " +
                                        "with a full run from another sample: ./build.sh Etl --sample=DIR");
        run.Log.Information($"No --sample given: using the warehouse's own source, {recorded.Source} (recorded by run {recorded.SetByRun})");
        return (recorded.Source, recorded.Source);
    }

    /// aws profile: the [S3] prefixes StageCopy reads.
    public static string Aws(Run run, WarehouseSource? recorded)
    {
        var identity = $"{run.Config.S3.LogData} {run.Config.S3.SongData}";
        Require(run, recorded, identity);
        return identity;
    }

    /// A window run may only add to the source the warehouse already holds; a full run may switch it.
    static void Require(Run run, WarehouseSource? recorded, string identity)
    {
        if (recorded is null || recorded.Source == identity || run.Window is not { } window) return;
        throw new PipelineException($"the warehouse holds {recorded.Source} (recorded by run {recorded.SetByRun}), and this window run " +
                                    $"({window}) would mix in {identity}; nothing was changed. Run it without --sample (the warehouse's own " +
                                    "source), or switch the warehouse with a full run (no --from/--to): " +
                                    (run.Profile == Profile.Local ? $"./build.sh Etl --sample={identity}" : "./build.sh Etl --profile=aws"));
    }

    /// A sample generated once into .local/sample (scale 1, seed 42), reused by later runs.
    static async Task<string> GeneratedSampleAsync(Run run)
    {
        var folder = Path.Combine(run.Local.Folder, "sample");
        if (File.Exists(Path.Combine(folder, "log_json_path.json"))) return folder;
        run.Log.Information($"No --sample given and the warehouse records no source: generating one into {folder} " +
                            $"(scale {Default.Scale}, seed {Default.Seed})");
        await Generator.WriteAsync(folder, Default, run.Ct);
        return folder;
    }
}
