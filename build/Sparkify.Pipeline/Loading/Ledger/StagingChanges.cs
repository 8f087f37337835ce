using Npgsql;
using NpgsqlTypes;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.Ledger;

/// <summary>
/// What a load changed, for Transform (staging_changes, written in the load's transaction): one row per object added,
/// changed or removed. For staging_events the days span the object's old and new rows together; they are NULL
/// (unknown: Transform then runs in full) for staging_songs, and for every row of a load that could not trust the
/// ledger (staging was written by something else, so what it held is not known).
/// </summary>
public static class StagingChanges
{
    public static async Task WriteAsync(NpgsqlConnection connection, SqlFiles sql, LedgerWrite write, CancellationToken ct)
    {
        var plan = write.Plan;
        if (plan.NothingToDo) return;
        var days = write.Trusted && write.Table == ObjectRows.DaysTable;
        await using var copy = await connection.BeginBinaryImportAsync(LoadLedger.CopyText(sql.Read("postgres/ledger/staging_changes_copy.sql")), ct);
        foreach (var o in plan.ToLoad)
            await RowAsync(copy, write, o.Source.Key, o.Change, days ? Span(o.Old, write.Rows.GetValueOrDefault(o.ObjectId)) : default, ct);
        foreach (var e in plan.Removed)
            await RowAsync(copy, write, e.Key, "removed", days ? Span(e, null) : default, ct);
        await copy.CompleteAsync(ct);
    }

    /// The days of the old entry and the new rows together; (null, null) when neither has any.
    public static (DateOnly? From, DateOnly? To) Span(LedgerEntry? old, ObjectRows? rows)
    {
        DateOnly?[] all = [old?.DayFrom, old?.DayTo, rows?.DayFrom, rows?.DayTo];
        var known = all.OfType<DateOnly>().ToList();
        return known.Count == 0 ? (null, null) : (known.Min(), known.Max());
    }

    static async Task RowAsync(NpgsqlBinaryImporter copy, LedgerWrite write, string key, string change, (DateOnly? From, DateOnly? To) days,
        CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(write.RunId, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(write.Table, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(key, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(change, NpgsqlDbType.Varchar, ct);
        foreach (var day in new[] { days.From, days.To })
            if (day is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
            else await copy.WriteNullAsync(ct);
    }
}
