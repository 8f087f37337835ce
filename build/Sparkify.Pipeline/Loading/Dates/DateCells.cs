namespace Sparkify.Pipeline.Loading.Dates;

/// <summary>
/// Text into a DATE or TIMESTAMP cell with the COPY's DATEFORMAT or TIMEFORMAT ('auto' or a format string; the
/// epoch forms are numbers, see ValueConverter). A DATE drops any time part; a TIMESTAMP without a time is at
/// 00:00:00 ("Using automatic recognition"). A TIMESTAMP ignores a zone in the text ("Datetime types": time zone
/// values in input strings are ignored); a TIMESTAMPTZ is converted to UTC with it.
/// </summary>
public static class DateCells
{
    /// Days since 0001-01-01 (negative for BC), or false.
    public static bool TryDate(ReadOnlySpan<byte> text, DatePattern? pattern, out int dayNumber)
    {
        dayNumber = 0;
        return Read(text, pattern, out var fields) && fields.TryResolve(out dayNumber, out _);
    }

    /// DateTime-style ticks (from 0001-01-01, negative for BC), or false.
    public static bool TryTimestamp(ReadOnlySpan<byte> text, DatePattern? pattern, bool withZone, out long ticks)
    {
        ticks = 0;
        if (!Read(text, pattern, out var fields) || !fields.TryResolve(out var day, out var time)) return false;
        ticks = day * TimeSpan.TicksPerDay + time;
        if (withZone && fields.OffsetMinutes is { } minutes) ticks -= minutes * TimeSpan.TicksPerMinute;
        return true;
    }

    static bool Read(ReadOnlySpan<byte> text, DatePattern? pattern, out DateFields fields) =>
        pattern is null ? AutoDates.TryParse(text, out fields) : pattern.TryMatch(text, out fields);
}
