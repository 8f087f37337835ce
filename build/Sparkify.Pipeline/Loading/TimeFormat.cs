namespace Sparkify.Pipeline.Loading;

/// COPY's TIMEFORMAT for JSON numbers and strings landing in TIMESTAMP columns (BIGINT columns keep the number).
public enum TimeFormat
{
    /// Strings in the usual date-time forms (ISO 8601 and the like); numbers are rejected.
    Auto,

    /// Numbers (or numeric strings) are milliseconds since 1970-01-01 UTC.
    EpochMillisecs,

    /// Numbers (or numeric strings) are seconds since 1970-01-01 UTC.
    EpochSecs,
}

public static class TimeFormats
{
    public static TimeFormat Parse(string text) => text switch
    {
        "auto" => TimeFormat.Auto,
        "epochmillisecs" => TimeFormat.EpochMillisecs,
        "epochsecs" => TimeFormat.EpochSecs,
        _ => throw new PipelineException($"TIMEFORMAT '{text}' is not one of auto, epochmillisecs, epochsecs"),
    };

    public static string Name(this TimeFormat format) => format switch
    {
        TimeFormat.EpochMillisecs => "epochmillisecs",
        TimeFormat.EpochSecs => "epochsecs",
        _ => "auto",
    };
}
