using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// Decides a Redshift ledger load from the listing (keys with ETags) and load_ledger. New, changed and failed objects
/// are loaded; removed ones deleted; a window run considers its window's objects only. Rows know their COPY, not their
/// file, so the unit of reload is the COPY: an object whose rows share an id with a changed one is reloaded too. A COPY
/// reads one exact key, or a folder (key prefix ending in '/') whose objects reload anyway, give or take a tenth (the
/// whole source on a first load, in folders of at most <see cref="GroupMax"/> objects). COPY FROM is a prefix, so a key
/// that is the prefix of another listed key is read through its folder instead.
/// </summary>
public static class ReloadPlanner
{
    /// The largest folder one COPY reads, unless the folder is the object's own: a changed object then reloads at most this many.
    public const int GroupMax = 1000;

    public static ReloadPlan Make(string table, S3Location from, IReadOnlyList<ListedFile> listed, IReadOnlyList<LedgerRow> ledger,
        DateWindow? window, long lastId)
    {
        var source = from.ToString();
        var byKey = listed.ToDictionary(l => l.Key, StringComparer.Ordinal);
        var old = ledger.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var keys = listed.Select(l => l.Key).Order(StringComparer.Ordinal).ToArray();
        bool InWindow(string key) => window is null || ObjectListing.DayOf(key) is not { } day || window.Contains(day);
        bool Unchanged(string key) => old.TryGetValue(key, out var row) && row.Holds(source, byKey[key].ETag);

        var changed = keys.Where(k => InWindow(k) && !Unchanged(k)).ToHashSet(StringComparer.Ordinal);
        var removed = ledger.Where(r => InWindow(r.Key) && !byKey.ContainsKey(r.Key)).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        var dead = changed.Concat(removed).Where(old.ContainsKey).Select(k => old[k].ObjectId).ToHashSet();
        var byId = keys.Where(old.ContainsKey).ToLookup(k => old[k].ObjectId);
        var reload = new SortedSet<string>(changed, StringComparer.Ordinal);
        List<(string Prefix, bool IsFolder, List<string> Keys)> units;
        while (true)
        {
            // Deleting an id deletes every row of its COPY: the other objects of that COPY load again.
            foreach (var key in keys)
                if (old.TryGetValue(key, out var row) && dead.Contains(row.ObjectId)) reload.Add(key);
            units = Assign(keys, reload, from.Prefix, k => InWindow(k) || Unchanged(k), ExtraCost(reload, byId, old));
            var grown = units.SelectMany(u => u.Keys).Where(k => !reload.Contains(k)).ToList();
            if (grown.Count == 0) break;
            foreach (var key in grown)
            {
                reload.Add(key);
                if (old.TryGetValue(key, out var row)) dead.Add(row.ObjectId);
            }
        }
        if (window is not null && reload.FirstOrDefault(k => !InWindow(k) && !Unchanged(k)) is { } outside)
            throw new PipelineException($"{table}: this --from/--to run would reload {from.Bucket}/{outside}, outside {window}, with changed content " +
                                        "(it shares a COPY with an object of the window); run once without --from/--to");

        var idOf = new Dictionary<string, long>(StringComparer.Ordinal);
        var planned = new List<CopyUnit>();
        foreach (var (prefix, isFolder, members) in units)
        {
            var unit = new CopyUnit(prefix, isFolder, members, ++lastId);
            planned.Add(unit);
            foreach (var key in members) idOf[key] = unit.Id;
        }
        var objects = reload.Select(k => new PlannedObject(k, !changed.Contains(k) ? "reloaded" : old.ContainsKey(k) ? "changed" : "added",
                byKey[k], old.GetValueOrDefault(k), idOf[k]))
            .Concat(removed.Select(k => new PlannedObject(k, "removed", null, old[k], null)))
            .OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        var unchanged = keys.Count(k => InWindow(k) && !changed.Contains(k));
        return new ReloadPlan(table, from.Bucket, source, planned, objects, unchanged, ledger.Count == 0 && window is null);
    }

    /// The COPYs for the objects to reload, each object in exactly one; members outside may join a folder COPY.
    static List<(string, bool, List<string>)> Assign(string[] keys, SortedSet<string> reload, string prefix, Func<string, bool> mayJoin,
        Func<List<string>, int> extraCost)
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var units = new List<(string, bool, List<string>)>();
        foreach (var key in reload)
        {
            if (covered.Contains(key)) continue;
            var parent = key[..(key.LastIndexOf('/') + 1)];
            var folder = Folders(key, prefix).Select(f => (Folder: f, Members: Members(keys, f)))
                .FirstOrDefault(c => c.Members.Count >= 2 && (c.Members.Count <= GroupMax || c.Folder == parent)
                                     && 10 * extraCost(c.Members) <= c.Members.Count
                                     && c.Members.All(mayJoin) && !c.Members.Any(covered.Contains));
            if (folder.Folder is null && PrefixOfAnother(keys, key))
            {
                if (parent.Length < prefix.Length)
                    throw new PipelineException($"s3 key {key} is the prefix of another key under the source and has no folder inside it; " +
                                                "COPY cannot read it alone (its FROM would match both): rename it");
                folder = (parent, Members(keys, parent));
                if (folder.Members.Any(covered.Contains))
                    throw new PipelineException($"s3 key {key} is the prefix of another key and its folder {parent} overlaps another COPY: rename it");
            }
            if (folder.Folder is not null)
            {
                units.Add((folder.Folder, true, folder.Members));
                covered.UnionWith(folder.Members);
            }
            else
            {
                units.Add((key, false, [key]));
                covered.Add(key);
            }
        }
        return units;
    }

    /// What a folder COPY adds to the reload: its members not reloading yet, and the other objects of their COPYs.
    static Func<List<string>, int> ExtraCost(SortedSet<string> reload, ILookup<long, string> byId, Dictionary<string, LedgerRow> old) => members =>
    {
        var extra = members.Where(m => !reload.Contains(m)).ToHashSet(StringComparer.Ordinal);
        foreach (var m in extra.ToList())
            if (old.TryGetValue(m, out var row)) extra.UnionWith(byId[row.ObjectId].Where(k => !reload.Contains(k)));
        return extra.Count;
    };

    /// The key's folders inside the source prefix, shallowest first.
    static IEnumerable<string> Folders(string key, string prefix)
    {
        for (var i = key.IndexOf('/'); i >= 0; i = key.IndexOf('/', i + 1))
            if (i + 1 >= prefix.Length) yield return key[..(i + 1)];
    }

    /// The listed keys under a prefix (keys are in ordinal order).
    static List<string> Members(string[] keys, string prefix)
    {
        var i = Array.BinarySearch(keys, prefix, StringComparer.Ordinal);
        if (i < 0) i = ~i;
        var members = new List<string>();
        for (; i < keys.Length && keys[i].StartsWith(prefix, StringComparison.Ordinal); i++) members.Add(keys[i]);
        return members;
    }

    /// True when COPY FROM this exact key would also read another listed key.
    static bool PrefixOfAnother(string[] keys, string key)
    {
        var i = Array.BinarySearch(keys, key, StringComparer.Ordinal);
        return i >= 0 && i + 1 < keys.Length && keys[i + 1].StartsWith(key, StringComparison.Ordinal);
    }
}
