namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// One staging table's Redshift ledger load, decided before any COPY: the COPYs to run and what happens to each
/// object. FirstLoad: the ledger knows nothing of the table yet, so rows without an object (an older full load) go too.
/// </summary>
public sealed record ReloadPlan(string Table, string Bucket, string Source, IReadOnlyList<CopyUnit> Units, IReadOnlyList<PlannedObject> Objects,
    int Unchanged, bool FirstLoad)
{
    /// The object_ids whose staging rows this load deletes: those of every changed, removed or reloaded object.
    public IReadOnlyList<long> ReplacedIds => Objects.Where(o => o.Old is not null).Select(o => o.Old!.ObjectId).Distinct().Order().ToList();

    public int Count(string change) => Objects.Count(o => o.Change == change);

    /// Nothing to load or remove: the table already holds its source (or its window of it).
    public bool IsEmpty => Objects.Count == 0 && !FirstLoad;

    /// For the log: "2 added, 1 changed, 0 removed, 28 reloaded with their COPY group, 14 unchanged".
    public string Summary() =>
        $"{Count("added")} added, {Count("changed")} changed, {Count("removed")} removed, {Count("reloaded")} reloaded with their COPY group, " +
        $"{Unchanged - Count("reloaded")} unchanged and not read, in {Units.Count} COPY{(Units.Count == 1 ? "" : "s")}";
}
