using Npgsql;
using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// What a client-side load decides before it writes anything: the objects listed, the target's columns, its
/// up-to-date fingerprint and the stamp that still matches it, and (a table with a load ledger) the plan: what is
/// added, changed, removed and unchanged. ClientCopy acts on it; Plan shows it (<see cref="PreviewAsync"/>).
/// </summary>
public sealed record LoadPrelude(IReadOnlyList<SourceObject> Listed, IReadOnlyList<TargetColumn> Columns, string? Inputs,
    IReadOnlyList<string> Stamped, UpToDate.Stamp? Stamp, LoadPlan? Plan)
{
    /// The ledger still describes the table: its last load's stamp matches the options, columns and table marks.
    public bool Trusted => Stamp is not null;

    /// Nothing would be written: the stamp is current and no object was added, changed or removed.
    public bool UpToDate(bool skipUpToDate) => skipUpToDate && Stamp is not null && (Plan?.NothingToDo ?? true);

    public static async Task<LoadPrelude> ReadAsync(NpgsqlConnection connection, StoreSet stores, CopyCommand copy, CopyOptions options,
        LoadContext context, CancellationToken ct)
    {
        var listed = await ObjectListing.ListAsync(copy, stores, ct);
        var columns = await TargetColumn.ReadAsync(connection, context.Sql, copy.Table, ct);
        var ledger = await LoadLedger.ReadyAsync(connection, context.Sql, copy.Table, ct);
        // The JSONPaths file's ETag is part of the fingerprint: one HEAD when no listing gave it, not a read.
        if (options.Format.JsonPathsLocation is { } location && stores.Resolve(location) is var (store, key) && store.ETagOf(key) is null)
            await store.SizeAsync(key, ct);
        // With a ledger the objects are the ledger's to compare; the stamp says the ledger still describes the table.
        var inputs = LoadStamp.Inputs(copy, options, columns, ledger ? null : listed, stores);
        IReadOnlyList<string> stamped = [copy.Table, .. context.WrittenWith(copy)];
        var stamp = inputs is null ? null : await Runs.UpToDate.CurrentAsync(connection, context.Sql, LoadStamp.Step(copy.Table), inputs, stamped, ct);
        LoadPlan? plan = null;
        if (ledger)
        {
            var (entries, maxId) = await LoadLedger.ReadAsync(connection, context.Sql, copy.Table, ct);
            plan = LoadPlan.Make(listed, entries, maxId, copy.Window, trusted: stamp is not null, force: !context.SkipUpToDate);
        }
        return new LoadPrelude(listed, columns, inputs, stamped, stamp, plan);
    }

    /// What a load of `copy` would do now, written nowhere: the objects listed and, with a ledger, the counts.
    public static async Task<(int Listed, ObjectCounts? Counts)> PreviewAsync(WarehouseEndpoint warehouse, CopyCommand copy, LoadContext context,
        CancellationToken ct)
    {
        var options = copy.Options.Validate();
        using var stores = new StoreSet(context.S3, options.Region, context.Mirror, context.Listing);
        await using var connection = await warehouse.OpenAsync(ct);
        var prelude = await ReadAsync(connection, stores, copy with { Table = copy.CheckedTable }, options, context, ct);
        return (prelude.Listed.Count, prelude.Plan?.Counts(0));
    }
}
