using System.Globalization;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// Epoch milliseconds of a UTC time written as "2018-11-05 09:00:00.000", the unit of staging_events.ts.
public static class Epoch
{
    public static long Ms(string utc) =>
        DateTimeOffset.ParseExact(utc, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            .ToUnixTimeMilliseconds();
}
