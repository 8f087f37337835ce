namespace Sparkify.Pipeline.Loading.Ledger;

/// The rows one object's load wrote, and (staging_events) the UTC days of their ts; null days = no rows with a ts.
public sealed record ObjectRows(long Count, DateOnly? DayFrom, DateOnly? DayTo)
{
    /// The one table whose objects' days the ledger keeps (Transform recomputes by day).
    public const string DaysTable = "staging_events";

    public static readonly ObjectRows None = new(0, null, null);
}
