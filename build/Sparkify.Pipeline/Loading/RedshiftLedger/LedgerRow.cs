namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// One load_ledger row as the Redshift load reads it: what the warehouse holds of one object and under which id.
public sealed record LedgerRow(string Key, string Source, string ContentId, long Size, string Status, long ObjectId, long? LoadGroup,
    DateOnly? DayFrom = null, DateOnly? DayTo = null)
{
    /// True when the warehouse holds this listed object's current content, loaded from the same source.
    public bool Holds(string source, string etag) => Status == "loaded" && Source == source && ContentId == etag;
}
