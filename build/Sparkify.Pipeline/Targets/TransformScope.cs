using Npgsql;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// A Transform's final scope, inside its transaction: a run without a window becomes a daily run over the days
/// staging_changes names when that is exact, else stays full and says why (docs/reruns.md, "Daily runs"); then the
/// work tables and the view of the events (transform_days, transform_recent, transform_events) its SQL reads.
/// </summary>
static class TransformScope
{
    /// The star tables, and the stamp that says they are what the last full or daily Transform left.
    public static readonly IReadOnlyList<string> Star = [.. Tables.All.Where(t => !t.StartsWith("staging_", StringComparison.Ordinal))];
    public const string StarStep = "transform:star";

    /// The scope the run's SQL works on, and why a run with pending changes is full (null when it is not).
    public static async Task<(EventRange Range, string? FullBecause)> DecideAsync(NpgsqlConnection connection, Dialect dialect,
        SqlFiles sql, EventRange range, PendingChanges pending, string script, bool skipUpToDate, CancellationToken ct)
    {
        string? fullBecause = null;
        if (range.Full && pending.Pending)
            (range, fullBecause) = await DailyAsync(connection, dialect, sql, pending, script, skipUpToDate, ct);
        await PendingChanges.CreateDaysAsync(connection, sql, range.Changed ?? [], ct);
        if (range.Changed is not null) await PendingChanges.FillRecentAsync(connection, sql, range, ct);
        if (range.Changed is not null && await PendingChanges.KeysAcrossDaysAsync(connection, sql, range, ct) is > 0 and var shared)
            (range, fullBecause) = (EventRange.All, $"{shared:N0} plays outside the changed days share their key with staged plays in them");
        await TransformEvents.CreateAsync(connection, sql, dialect, range, ct);
        if (range.Changed is not null && dialect == Dialect.Postgres)
            await Statement.ExecuteAsync(connection, sql.Read("postgres/transform_daily_session.sql"), ct);
        return (range, fullBecause);
    }

    /// The daily scope of the pending changes, or a full run and why a daily one would not be exact.
    static async Task<(EventRange, string?)> DailyAsync(NpgsqlConnection connection, Dialect dialect, SqlFiles sql,
        PendingChanges pending, string script, bool skipUpToDate, CancellationToken ct)
    {
        if (!skipUpToDate) return (EventRange.All, "--force");
        if (pending.FullBecause is { } why) return (EventRange.All, why);
        // Recomputing some days is exact only over a star schema that is a fresh build of the staging before them.
        if (dialect != Dialect.Postgres)
            return (EventRange.All, "Redshift cannot tell whether the star tables were written since the last Transform (no triggers)");
        if (await UpToDate.CurrentAsync(connection, sql, StarStep, script, Star, ct) is null)
            return (EventRange.All, "the star tables are not what the last full or daily Transform of this SQL left");
        return (EventRange.Daily(pending.Days(), pending.RemovedAny), null);
    }
}
