namespace Sparkify.Pipeline.Runs;

/// The warehouse's notion of "now" for audit columns.
public static class Clock
{
    /// UTC wall time as a plain timestamp: Npgsql sends a DateTime of kind Utc as timestamptz, which the server
    /// would shift by its session time zone on the way into a timestamp column.
    public static DateTime Now() => DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
}
