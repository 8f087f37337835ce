using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// The load_objects rows of a plan once its COPYs ran, as parameter values in <see cref="LedgerSql.LoadObjectColumns"/>
/// order. An object read alone gets its COPY's exact row count; an object read with its folder gets its file's lines
/// minus rejected records, and the folder's days. staging_changes' days are those of the old and the new rows together,
/// null (unknown: Transform goes full) when either side is unknown.
/// </summary>
public static class LoadObjectRows
{
    public static IReadOnlyList<object?[]> Of(ReloadPlan plan, IReadOnlyDictionary<long, UnitOutcome> outcomes) =>
        plan.Objects.Select(o => Row(plan, o, o.NewId is { } id ? outcomes[id] : null)).ToList();

    /// At most this many rows per insert (13 parameters each; a statement takes at most 65,535).
    public const int Batch = 1000;

    /// Inserts the rows into load_objects, a multi-row insert per batch.
    public static async Task InsertAsync(NpgsqlConnection connection, SqlFiles sql, IReadOnlyList<object?[]> rows, CancellationToken ct)
    {
        foreach (var batch in rows.Chunk(Batch))
        {
            var parameters = batch.SelectMany((row, i) => LedgerSql.LoadObjectColumns.Select((c, j) => ($"{c}_{i}", row[j]))).ToArray();
            await LedgerSql.ExecuteAsync(connection, LedgerSql.InsertLoadObjects(sql, batch.Length), ct, parameters);
        }
    }

    static object?[] Row(ReloadPlan plan, PlannedObject o, UnitOutcome? outcome)
    {
        var days = outcome?.Days;
        var rows = outcome is null ? (long?)null
            : outcome.Unit.IsFolder ? CopiedFiles.RowsOf(plan.Bucket, o.Key, outcome.Files) : outcome.Rows;
        var rejected = outcome is null ? (long?)null : CopiedFiles.RejectedOf(plan.Bucket, o.Key, outcome.Files);
        var oldDays = o.Old is { DayFrom: { } f, DayTo: { } t } ? (f, t) : ((DateOnly, DateOnly)?)null;
        var changeDays = o.Change switch
        {
            "added" => days,
            "removed" => oldDays,
            _ => days is { } n && oldDays is { } p ? (Min(n.From, p.Item1), Max(n.To, p.Item2)) : null,
        };
        return
        [
            o.Key, o.Change, o.NewId, o.NewId, o.Listed?.ETag, o.Listed?.Size, rows, rejected, days?.From, days?.To,
            o.Old?.ObjectId, changeDays?.Item1, changeDays?.Item2,
        ];
    }

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
