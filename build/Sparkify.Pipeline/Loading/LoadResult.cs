using Sparkify.Pipeline.Loading.Ledger;

namespace Sparkify.Pipeline.Loading;

/// What one table's load did: rows committed, objects listed, bytes read, rows rejected (at most MAXERROR), seconds.
public sealed record LoadResult(string Table, long Rows, int ObjectsListed, long Bytes, int Rejected, double Seconds)
{
    /// Where the time went (client-side loads; null for Redshift's own COPY).
    public LoadPhases? Phases { get; init; }

    /// Set when the load was skipped as up to date: the run whose load of the same inputs the table still holds.
    public string? UpToDateSince { get; init; }

    /// What the load did to each object against the load ledger; null for a table without a ledger.
    public ObjectCounts? Counts { get; init; }

    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}
