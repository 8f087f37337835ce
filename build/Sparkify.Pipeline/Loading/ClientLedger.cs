using System.Collections.Concurrent;
using Npgsql;
using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// ClientCopy's ledger steps: the rows per object, counted by the parser threads as they wrote them (the server
/// counts them again only when the client cannot: a ts beyond the years it turns into days, or no bigint ts in
/// staging_events), the 'loaded' entries and staging_changes in the load's transaction, and the 'failed' entry after
/// a rollback.
/// </summary>
static class ClientLedger
{
    /// The column whose lowest and highest value per object the ledger keeps (staging_events.ts), -1 for none.
    public static int TsColumn(string table, IReadOnlyList<TargetColumn> columns)
    {
        if (table != ObjectRows.DaysTable) return -1;
        for (var c = 0; c < columns.Count; c++)
            if (columns[c].Name == "ts" && columns[c].Kind == ColumnKind.BigInt) return c;
        return -1;
    }

    /// The ledger entries of the objects read and staging_changes, in the load's transaction, once its rows are in.
    public static async Task WriteAsync(NpgsqlConnection connection, LoadContext context, CopyCommand copy, LoadPlan plan, LoadErrorLog errors,
        IReadOnlyDictionary<long, ObjectRows?> counted, bool countedDays, bool trusted, CancellationToken ct)
    {
        var rows = Exact(plan, counted, copy.Table != ObjectRows.DaysTable || countedDays)
                   ?? await LoadLedger.RowsAsync(connection, context.Sql, copy.Table, [.. plan.ToLoad.Select(o => o.ObjectId)], plan.Replace, ct);
        var write = new LedgerWrite(copy.Table, copy.From, context.RunId, DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified), plan,
            rows, RejectedByObject(errors), trusted);
        await LoadLedger.WriteAsync(connection, context.Sql, write, ct);
        await StagingChanges.WriteAsync(connection, context.Sql, write, ct);
    }

    /// The client's counts when every object read has one it could compute; null sends the count to the server.
    static Dictionary<long, ObjectRows>? Exact(LoadPlan plan, IReadOnlyDictionary<long, ObjectRows?> counted, bool usable)
    {
        if (!usable) return null;
        var rows = new Dictionary<long, ObjectRows>(plan.ToLoad.Count);
        foreach (var o in plan.ToLoad)
        {
            if (!counted.TryGetValue(o.ObjectId, out var tally) || tally is null) return null;
            if (tally.Count > 0) rows[o.ObjectId] = tally;
        }
        return rows;
    }

    public static ConcurrentDictionary<long, ObjectRows?> NewCounts() => new();

    public static Dictionary<string, int> RejectedByObject(LoadErrorLog errors) =>
        errors.Sorted().GroupBy(e => e.File).ToDictionary(g => g.Key, g => g.Count());

    /// After the rollback: the object that failed the load gets a 'failed' ledger entry (a warning if it cannot).
    public static async Task RecordFailedQuietly(WarehouseEndpoint warehouse, LoadContext context, CopyCommand copy, LoadPlan plan,
        Sources.SourceObject? failed, LoadErrorLog errors)
    {
        if (failed is null || plan.ToLoad.FirstOrDefault(o => o.Source.Key == failed.Key) is not { } planned) return;
        try
        {
            await LoadLedger.RecordFailedAsync(warehouse, context.Sql, copy.Table, copy.From, context.RunId, planned,
                RejectedByObject(errors).GetValueOrDefault(failed.Name), CancellationToken.None);
        }
        catch (Exception e)
        {
            context.Log.Warning($"could not record {failed.Name} as failed in load_ledger: {e.Message}");
        }
    }
}
