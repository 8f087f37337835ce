namespace Sparkify.Pipeline.Loading;

/// What one table's load did: rows committed, objects read, bytes read, rows rejected (at most MAXERROR), seconds.
public sealed record LoadResult(string Table, long Rows, int Objects, long Bytes, int Rejected, double Seconds)
{
    /// Where the time went (client-side loads; null for Redshift's own COPY).
    public LoadPhases? Phases { get; init; }

    /// Set when the load was skipped as up to date: the run whose load of the same inputs the table still holds.
    public string? UpToDateSince { get; init; }

    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}
