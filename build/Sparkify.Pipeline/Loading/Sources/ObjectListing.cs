using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Loading.Sources;

/// <summary>
/// The objects one COPY reads: the manifest's entries, or every key under the FROM prefix (a JSONPaths file under
/// that prefix included: Redshift reads it as a data file, "JSONPaths file"); minus, with a date window, the objects
/// whose file name carries a date (YYYY-MM-DD) outside it.
/// </summary>
public static partial class ObjectListing
{
    public static async Task<IReadOnlyList<SourceObject>> ListAsync(CopyCommand copy, StoreSet stores, CancellationToken ct)
    {
        IEnumerable<SourceObject> objects;
        if (copy.Options.Manifest)
        {
            var entries = await Manifest.ObjectsAsync(stores, copy.From, ct);
            // "Regardless of any mandatory settings, COPY terminates if no files are found" (COPY examples, manifest).
            if (entries.Count == 0)
                throw new PipelineException($"COPY {copy.Table}: no file of manifest '{copy.From}' exists; nothing was loaded");
            objects = entries;
        }
        else
        {
            var (store, prefix) = stores.Resolve(copy.From);
            var listed = await store.ListAsync(prefix, ct);
            if (listed.Count == 0)
                throw new PipelineException($"COPY {copy.Table} from '{copy.From}': no object matches that prefix; check [S3] or the path");
            objects = listed;
        }
        if (copy.Window is { } window)
            objects = objects.Where(o => DayOf(o.Key) is not { } day || window.Contains(day));
        return objects.ToList();
    }

    /// The date in the object's file name (2018-11-03-events.json → 2018-11-03), or null.
    public static DateOnly? DayOf(string key)
    {
        var match = Day().Match(key[(key.LastIndexOf('/') + 1)..]);
        return match.Success && DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", out var day) ? day : null;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex Day();
}
