namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// What one COPY of the load read: per file lines and rejected records (SYS_LOAD_DETAIL, SYS_LOAD_ERROR_DETAIL) and,
/// from its tagged rows, their count and first and last ts (staging_events).
/// </summary>
public sealed record UnitOutcome(CopyUnit Unit, IReadOnlyDictionary<string, (long Lines, long Rejected)> Files, long Rows, long? TsFrom, long? TsTo)
{
    /// The UTC days of the COPY's events, or null (no events, or songs).
    public (DateOnly From, DateOnly To)? Days => TsFrom is { } from && TsTo is { } to ? (Day(from), Day(to)) : null;

    static DateOnly Day(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);
}
