namespace Sparkify.Pipeline.Loading.Ledger;

/// One load_ledger row as a load compares it: the object's key, the id its staging rows carry, its content id (ETag)
/// and size when it was last loaded, 'loaded' or 'failed', and (staging_events) the UTC days of its rows.
public sealed record LedgerEntry(string Key, long ObjectId, string ContentId, long Size, string Status, DateOnly? DayFrom, DateOnly? DayTo)
{
    public const string Loaded = "loaded";
    public const string Failed = "failed";

    public bool IsLoaded => Status == Loaded;
}
