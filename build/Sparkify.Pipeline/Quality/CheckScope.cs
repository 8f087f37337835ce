using Npgsql;
using Sparkify.Pipeline.Modeling;

namespace Sparkify.Pipeline.Quality;

/// <summary>
/// What a check reads. <see cref="Range"/> is the reconciliation's scope (@from_ms, @to_ms: the window, the days
/// staging holds, or all time). <see cref="Days"/> (@days_from_ms, @days_to_ms) bounds the facts and time rows the
/// row and reference checks read: all time, except in a Verify scoped to a daily Transform's changed days, where
/// nothing outside them was written since the last passing Verify (docs/reruns.md, "A scoped daily Verify").
/// </summary>
public sealed record CheckScope(EventRange Range, EventRange Days)
{
    public void Bind(NpgsqlCommand command)
    {
        Range.Bind(command);
        if (command.CommandText.Contains("@days_from_ms")) command.Parameters.AddWithValue("days_from_ms", Days.FromMs);
        if (command.CommandText.Contains("@days_to_ms")) command.Parameters.AddWithValue("days_to_ms", Days.ToMs);
    }
}
