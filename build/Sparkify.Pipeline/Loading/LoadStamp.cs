using System.Text.Json.Nodes;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// A staging load's up-to-date check (Runs/UpToDate.cs): its step name and the fingerprint of what it reads — table,
/// FROM, options, target columns and the JSONPaths file's ETag; for a table without a load ledger also the window and
/// every object's key, size and ETag (with a ledger, the ledger compares the objects, and a current stamp says the
/// ledger still describes the table). A source without ETags (local files) has no fingerprint: its load always runs.
/// </summary>
public static class LoadStamp
{
    public static string Step(string table) => $"load:{table}";

    /// objects: null for a table with a ledger (then neither the objects nor the window are part of it).
    public static string? Inputs(CopyCommand copy, CopyOptions options, IReadOnlyList<TargetColumn> columns, IReadOnlyList<SourceObject>? objects,
        StoreSet stores)
    {
        var inputs = new List<string> { $"table {copy.Table}", $"from {copy.From}", $"options {options with { Parallelism = 0 }}" };
        if (objects is not null) inputs.Add($"window {copy.Window}");
        else inputs.Add("ledger");
        inputs.AddRange(columns.Select(c => $"column {c}"));
        if (options.Format.JsonPathsLocation is { } location)
        {
            var (store, key) = stores.Resolve(location);
            if (store.ETagOf(key) is not { } etag) return null;
            inputs.Add($"jsonpaths {store.Describe(key)} {etag}");
        }
        foreach (var o in objects ?? [])
        {
            if (o.Store.ETagOf(o.Key) is not { } etag) return null;
            inputs.Add($"object {o.Name} {o.Size} {etag}");
        }
        return UpToDate.Fingerprint(inputs);
    }

    /// The figures a skipped load shows again.
    public static JsonObject Result(long rows, int objects, long bytes, int rejected) =>
        new() { ["rows"] = rows, ["objects_listed"] = objects, ["bytes"] = bytes, ["rejected"] = rejected };

    /// The load that did not run: the figures of the run whose load is still current, and that run's id.
    public static LoadResult Skipped(string table, UpToDate.Stamp stamp, double seconds) =>
        new(table, Number(stamp, "rows"), (int)Number(stamp, "objects_listed"), Number(stamp, "bytes"), (int)Number(stamp, "rejected"), seconds)
        {
            UpToDateSince = stamp.RunId,
        };

    static long Number(UpToDate.Stamp stamp, string name) => stamp.Result[name]?.GetValue<long>() ?? 0;
}
