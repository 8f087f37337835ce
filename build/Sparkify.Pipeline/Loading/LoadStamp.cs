using System.Text.Json.Nodes;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// A staging load's up-to-date check (Runs/UpToDate.cs): its step name and the fingerprint of what it reads — table,
/// FROM, window, options, target columns, and every object's key, size and ETag (the JSONPaths file's too). A source
/// without ETags (local files) has no fingerprint: its load always runs.
/// </summary>
public static class LoadStamp
{
    public static string Step(string table) => $"load:{table}";

    public static string? Inputs(CopyCommand copy, CopyOptions options, IReadOnlyList<TargetColumn> columns, IReadOnlyList<SourceObject> objects,
        StoreSet stores)
    {
        var inputs = new List<string> { $"table {copy.Table}", $"from {copy.From}", $"window {copy.Window}", $"options {options with { Parallelism = 0 }}" };
        inputs.AddRange(columns.Select(c => $"column {c}"));
        if (options.Format.JsonPathsLocation is { } location)
        {
            var (store, key) = stores.Resolve(location);
            if (store.ETagOf(key) is not { } etag) return null;
            inputs.Add($"jsonpaths {store.Describe(key)} {etag}");
        }
        foreach (var o in objects)
        {
            if (o.Store.ETagOf(o.Key) is not { } etag) return null;
            inputs.Add($"object {o.Name} {o.Size} {etag}");
        }
        return UpToDate.Fingerprint(inputs);
    }

    /// The figures a skipped load shows again.
    public static JsonObject Result(long rows, int objects, long bytes, int rejected) =>
        new() { ["rows"] = rows, ["objects"] = objects, ["bytes"] = bytes, ["rejected"] = rejected };

    /// The load that did not run: the figures of the run whose load is still current, and that run's id.
    public static LoadResult Skipped(string table, UpToDate.Stamp stamp, double seconds) =>
        new(table, Number(stamp, "rows"), (int)Number(stamp, "objects"), Number(stamp, "bytes"), (int)Number(stamp, "rejected"), seconds)
        {
            UpToDateSince = stamp.RunId,
        };

    static long Number(UpToDate.Stamp stamp, string name) => stamp.Result[name]?.GetValue<long>() ?? 0;
}
