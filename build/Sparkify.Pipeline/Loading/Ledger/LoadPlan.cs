using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Loading.Ledger;

/// One listed object this load reads, with the id its rows get and its ledger entry before (null: a new key).
public sealed record PlannedObject(SourceObject Source, LedgerEntry? Old)
{
    public long ObjectId => Source.ObjectId ?? throw new InvalidOperationException($"{Source.Key} has no object id");
    public string Change => Old is null ? "added" : "changed";
}

/// <summary>
/// What a load does, from the listing and the ledger: an object whose key, content id (ETag) and size are what its
/// 'loaded' ledger entry says is unchanged and not read; a new key is added; anything else (new content, or a
/// 'failed' entry) is changed: its old rows are deleted and it is read again under a new object id. A ledger key
/// no longer listed is removed, by a full-source run, or by a window run when its file-name day is in the window
/// (the rule ObjectListing lists by). Replace (truncate, then load every listed object) when the ledger cannot be
/// trusted, or when a full run keeps nothing: the first load, --force.
/// </summary>
public sealed class LoadPlan
{
    public required IReadOnlyList<PlannedObject> ToLoad { get; init; }
    public required IReadOnlyList<LedgerEntry> Removed { get; init; }
    public required int Unchanged { get; init; }
    public required bool Replace { get; init; }

    public int Added => ToLoad.Count(o => o.Old is null);
    public int Changed => ToLoad.Count(o => o.Old is not null);
    public bool NothingToDo => ToLoad.Count == 0 && Removed.Count == 0;

    /// The ids of the rows this load deletes: those of changed and removed objects (a replace truncates instead).
    public long[] DeletedIds => [.. ToLoad.Where(o => o.Old is not null).Select(o => o.Old!.ObjectId), .. Removed.Select(e => e.ObjectId)];

    public ObjectCounts Counts(int rejected) => new(Added, Changed, Removed.Count, Unchanged, rejected);

    /// trusted: the ledger describes the table (its last load's stamp is current: same options, no other writer);
    /// force: every listed object is read again. New ids start after maxId, in key order.
    public static LoadPlan Make(IReadOnlyList<SourceObject> listed, IReadOnlyDictionary<string, LedgerEntry> ledger, long maxId,
        DateWindow? window, bool trusted, bool force)
    {
        var toLoad = new List<(SourceObject Source, LedgerEntry? Old)>(listed.Count);
        int unchanged = 0, known = 0;
        foreach (var o in listed)
        {
            var old = ledger.GetValueOrDefault(o.Key);
            if (old is not null) known++;
            if (trusted && !force && old is { IsLoaded: true } && o.Store.ETagOf(o.Key) is { } etag && etag == old.ContentId && o.Size == old.Size)
                unchanged++;
            else
                toLoad.Add((o, old));
        }
        // A listing in strictly ascending key order (what every store lists) has no key twice: then it needs no sort,
        // and when it found every ledger key, nothing was removed. Both spare a copy of every key per load (issue 29).
        var ordered = Ascending(listed);
        var replace = !trusted || (window is null && unchanged == 0);
        var removed = ordered && known == ledger.Count ? [] : NotListed(listed, ledger, replace, window);
        var next = maxId;
        var sorted = ordered ? toLoad : [.. toLoad.OrderBy(p => p.Source.Key, StringComparer.Ordinal)];
        return new LoadPlan
        {
            ToLoad = sorted.ConvertAll(p => new PlannedObject(p.Source with { ObjectId = ++next }, p.Old)),
            Removed = removed, Unchanged = unchanged, Replace = replace,
        };
    }

    static List<LedgerEntry> NotListed(IReadOnlyList<SourceObject> listed, IReadOnlyDictionary<string, LedgerEntry> ledger, bool replace, DateWindow? window)
    {
        var listedKeys = listed.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        return ledger.Values.Where(e => !listedKeys.Contains(e.Key) && (replace || InWindow(e.Key, window)))
            .OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    static bool Ascending(IReadOnlyList<SourceObject> listed)
    {
        for (var i = 1; i < listed.Count; i++)
            if (string.CompareOrdinal(listed[i - 1].Key, listed[i].Key) >= 0) return false;
        return true;
    }

    /// The objects a window run lists: those whose file name has no day, or a day inside the window.
    static bool InWindow(string key, DateWindow? window) =>
        window is null || ObjectListing.DayOf(key) is not { } day || window.Contains(day);
}
