using System.Globalization;

namespace Sparkify.Pipeline;

/// The --from/--to window of event days (UTC, inclusive). StageCopy loads only those days; Transform replaces their facts.
public sealed record DateWindow(DateOnly From, DateOnly To)
{
    public static DateWindow? Parse(string? from, string? to)
    {
        if (from is null && to is null) return null;
        var start = Day(from ?? to!, from is null ? "--to" : "--from");
        var end = Day(to ?? from!, to is null ? "--from" : "--to");
        if (end < start) throw new PipelineException($"--to={end:yyyy-MM-dd} is before --from={start:yyyy-MM-dd}");
        return new DateWindow(start, end);
    }

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// The window as epoch milliseconds [start, end), the unit of staging_events.ts.
    public (long StartMs, long EndMs) EpochMilliseconds =>
        (new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(),
         new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds());

    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1)) yield return d;
    }

    public override string ToString() => From == To ? $"{From:yyyy-MM-dd}" : $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";

    static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new PipelineException($"{option}={text} is not a date in the form YYYY-MM-DD");
}
