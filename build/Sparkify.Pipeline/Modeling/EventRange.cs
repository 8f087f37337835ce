using Npgsql;

namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// The staged events a Transform or Verify works on, as epoch milliseconds [FromMs, ToMs): the --from/--to window,
/// or, without one, the span of every staged event. The transform and quality SQL take it as @from_ms and @to_ms.
/// </summary>
public sealed record EventRange(long FromMs, long ToMs, DateWindow? Window)
{
    public static async Task<EventRange> ForAsync(NpgsqlConnection connection, DateWindow? window, CancellationToken ct)
    {
        if (window is not null)
        {
            var (start, end) = window.EpochMilliseconds;
            return new EventRange(start, end, window);
        }
        // Not "all time": a full run replaces the facts of the staged span only, never days staging no longer holds.
        await using var span = new NpgsqlCommand("select min(ts), max(ts) from staging_events", connection);
        await using var reader = await span.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return reader.IsDBNull(0)
            ? new EventRange(0, 0, null)
            : new EventRange(reader.GetInt64(0), reader.GetInt64(1) + 1, null);
    }

    /// Adds @from_ms and @to_ms when the command text uses them, and only then.
    public void Bind(NpgsqlCommand command)
    {
        if (command.CommandText.Contains("@from_ms")) command.Parameters.AddWithValue("from_ms", FromMs);
        if (command.CommandText.Contains("@to_ms")) command.Parameters.AddWithValue("to_ms", ToMs);
    }

    public override string ToString() => Window is not null
        ? Window.ToString()
        : FromMs == ToMs
            ? "no staged events"
            : $"all staged events ({DateTimeOffset.FromUnixTimeMilliseconds(FromMs):yyyy-MM-dd HH:mm:ss.fff}.." +
              $"{DateTimeOffset.FromUnixTimeMilliseconds(ToMs - 1):yyyy-MM-dd HH:mm:ss.fff} UTC)";
}
