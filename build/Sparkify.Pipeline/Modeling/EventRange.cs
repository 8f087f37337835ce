using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// The scope a Transform or Verify works on, as epoch milliseconds [FromMs, ToMs): the --from/--to window; without
/// one, the days staging_scope says staging holds (a windowed StageCopy); else all time, a full run (Full), which
/// leaves the star schema equal to a fresh build from staging. A daily Transform's scope is the days staging_changes
/// names (Changed, within [FromMs, ToMs)), which leaves the same star schema as a full run (docs/reruns.md).
/// The SQL takes it as @from_ms, @to_ms, @full (users and clean-up as a full run) and @ranged (transform_days).
/// </summary>
public sealed record EventRange(long FromMs, long ToMs, DateWindow? Window, bool DaysFromStaging = false)
{
    /// A full run's bounds: 0001-01-01 and 10000-01-01 UTC, inside both engines' timestamp range.
    public const long AllFromMs = -62_135_596_800_000;
    public const long AllToMs = 253_402_300_800_000;

    public static readonly EventRange All = new(AllFromMs, AllToMs, null);

    public bool Full => Window is null;

    /// A daily run's changed days, as ranges (transform_days); null for any other run.
    public IReadOnlyList<DateWindow>? Changed { get; init; }

    /// A daily run after an object was removed or changed: users and the clean-up are a full run's.
    public bool CleanUp { get; init; }

    /// A daily Transform over these day ranges (DayRanges.Merge), bounded by their span.
    public static EventRange Daily(IReadOnlyList<DateWindow> ranges, bool cleanUp) =>
        Of(new DateWindow(ranges.Min(r => r.From), ranges.Max(r => r.To))) with { Changed = ranges, CleanUp = cleanUp };

    public static EventRange Of(DateWindow window, bool daysFromStaging = false)
    {
        var (start, end) = window.EpochMilliseconds;
        return new EventRange(start, end, window, daysFromStaging);
    }

    public static async Task<EventRange> ForAsync(NpgsqlConnection connection, SqlFiles sql, DateWindow? window, CancellationToken ct)
    {
        if (window is not null) return Of(window);
        var staged = await StagingScope.ReadAsync(connection, sql, ct);
        return staged.Days is { } days ? Of(days, daysFromStaging: true) : All;
    }

    /// Adds @from_ms, @to_ms and @full when the command text uses them, and only then.
    public void Bind(NpgsqlCommand command)
    {
        if (command.CommandText.Contains("@from_ms")) command.Parameters.AddWithValue("from_ms", FromMs);
        if (command.CommandText.Contains("@to_ms")) command.Parameters.AddWithValue("to_ms", ToMs);
        if (command.CommandText.Contains("@full")) command.Parameters.AddWithValue("full", Full || CleanUp ? 1 : 0);
        if (command.CommandText.Contains("@ranged")) command.Parameters.AddWithValue("ranged", Changed is null ? 0 : 1);
    }

    public override string ToString() => Window is null
        ? "full run (everything staged)"
        : Changed is { } days ? $"daily run over the changed days {string.Join(", ", days)}{(CleanUp ? " and the clean-up of a full run" : "")}"
        : DaysFromStaging ? $"{Window} (the days staging holds)" : Window.ToString();
}
