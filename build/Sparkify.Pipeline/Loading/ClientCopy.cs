using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.Loading.Json;
using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Redshift's COPY … FORMAT AS JSON, done by the client for PostgreSQL, in one transaction per table. A table with a
/// load ledger (the staging tables: object_id and load_ledger exist) loads only what changed: the listing is compared
/// with the ledger (LoadPlan), the rows of changed and removed objects are deleted by object_id, new and changed
/// objects are read and copied with their new id, and the ledger and staging_changes are written before the commit;
/// nothing to do, nothing written. It replaces the table (truncate + COPY FREEZE) on a first or forced full load, or
/// when the ledger cannot be trusted. Any other table is replaced, as before. All or nothing per table: past MAXERROR
/// rejected records, or on any read failure, nothing is committed; rejected records go to load_errors either way, and
/// the object that failed gets a 'failed' ledger entry, so the next run retries it.
/// </summary>
public static class ClientCopy
{
    /// Loads one table; throws a PipelineException naming file, line, column and reason when the load fails.
    public static async Task<LoadResult> RunAsync(WarehouseEndpoint warehouse, CopyCommand copy, LoadContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var table = copy.CheckedTable;
        var options = copy.Options.Validate();
        if (warehouse.Dialect != Dialect.Postgres)
            throw new PipelineException($"the client-side COPY loads PostgreSQL; {warehouse} is Redshift, which runs its own COPY (RedshiftCopy)");

        using var stores = new StoreSet(context.S3, options.Region, context.Mirror, context.Listing);
        await using var connection = await warehouse.OpenAsync(ct);
        var prelude = await LoadPrelude.ReadAsync(connection, stores, copy, options, context, ct);
        var (listed, columns, inputs, stamped, stamp, plan) = prelude;
        if (prelude.UpToDate(context.SkipUpToDate))
            return LoadStamp.Skipped(table, stamp!, Math.Round(clock.Elapsed.TotalSeconds, 3)) with
            {
                ObjectsListed = listed.Count, Counts = plan?.Counts(0),
            };
        var map = await MapAsync(stores, options.Format, listed, columns, table, context.Log, ct);

        var toRead = plan is null ? listed : plan.ToLoad.Select(o => o.Source).ToList();
        var replace = plan?.Replace ?? true;
        var listedTime = clock.Elapsed;
        var progress = new LoadProgress(table);
        progress.AddObjects(toRead.Count);
        context.OnStart?.Invoke(progress);
        var errors = new LoadErrorLog(options.MaxError);
        long rows = 0;
        var counted = ClientLedger.NewCounts();
        var tsColumn = ClientLedger.TsColumn(table, columns);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            try
            {
                if (replace)
                    await using (var truncate = new NpgsqlCommand($"truncate table \"{table}\"", connection))
                        await truncate.ExecuteNonQueryAsync(ct);
                else
                    await LoadLedger.DeleteRowsAsync(connection, context.Sql, table, plan!.DeletedIds, ct);
                if (toRead.Count > 0)
                    rows = await TablePump.RunAsync(connection, copy, columns, map, toRead, errors, progress, ct, freeze: replace,
                        objectIds: plan is not null, counted: plan is null ? null : counted, tsColumn: tsColumn);
                PausePoint.Reach($"copy:{table}:before:ledger", ct);
                if (plan is not null)
                    await ClientLedger.WriteAsync(connection, context, copy, plan, errors, counted, tsColumn >= 0, prelude.Trusted, ct);
                if (context.BeforeCommit is { } beforeCommit) await beforeCommit(connection, copy, replace, ct);
                if (inputs is not null)
                    await UpToDate.RecordAsync(connection, context.Sql, LoadStamp.Step(table), inputs, stamped, context.RunId,
                        LoadStamp.Result(rows, listed.Count, progress.Bytes, errors.Count), ct);
            }
            catch (Exception e)
            {
                await RollbackQuietly(transaction);
                await RecordQuietly(warehouse, context, errors);
                if (plan is not null) await ClientLedger.RecordFailedQuietly(warehouse, context, copy, plan, progress.FailedObject, errors);
                if (e is MaxErrorExceededException) throw new PipelineException(errors.Describe(table));
                throw;
            }
            // Every rejected record is recorded before the rows commit: a load whose rejections cannot be recorded
            // does not commit either (the transaction rolls back when disposed).
            try
            {
                await LoadErrorTable.RecordAsync(warehouse, context.Sql, context.RunId, errors.Sorted(), ct);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException or IOException)
            {
                throw new PipelineException($"COPY {table}: the {errors.Count} rejected records could not be written to load_errors ({e.Message}); " +
                                            $"nothing of {table} was committed. Check that the warehouse is reachable and writable, then run StageCopy again");
            }
            await transaction.CommitAsync(ct);
        }
        // Fresh statistics, as Redshift's COPY gives an empty table: without them PostgreSQL plans Transform's joins
        // for an empty table (measured: 18.9 s instead of 2.5 s at generator scale 10). Autovacuum would come too late.
        var analyzing = clock.Elapsed;
        await using (var analyze = new NpgsqlCommand($"analyze \"{table}\"", connection))
            await analyze.ExecuteNonQueryAsync(ct);
        return new LoadResult(table, rows, listed.Count, progress.Bytes, errors.Count, Math.Round(clock.Elapsed.TotalSeconds, 3))
        {
            Phases = progress.Phases(listedTime, clock.Elapsed - analyzing).Rounded(),
            Counts = plan?.Counts(ClientLedger.RejectedByObject(errors).Count),
        };
    }

    /// 'auto' or 'auto ignorecase', or the JSONPaths file: one without a "jsonpaths" name means 'auto', as on Redshift.
    static async Task<ColumnMap> MapAsync(StoreSet stores, CopyFormat format, IReadOnlyList<SourceObject> objects, IReadOnlyList<TargetColumn> columns,
        string table, PipelineLog log, CancellationToken ct)
    {
        if (format.JsonPathsLocation is not { } location) return ColumnMap.Auto(columns, format.IgnoreCase);
        var (store, key) = stores.Resolve(location);
        if (objects.Any(o => o.Key == key && o.Store.SameAs(store)))
            log.Warning($"COPY {table}: the JSONPaths file {store.Describe(key)} is under the data prefix, so it is read as data too, as Redshift reads it; move it elsewhere");
        if (await JsonPathsFile.ReadAsync(stores, location, ct) is { } paths) return ColumnMap.FromJsonPaths(paths, columns, table, location);
        log.Warning($"COPY {table}: the JSONPaths file {store.Describe(key)} has no \"jsonpaths\" name, so COPY uses 'auto' instead, as Redshift does");
        return ColumnMap.Auto(columns, ignoreCase: false);
    }

    /// On the failure path the load's own error matters most: a failure to record rejected rows only warns.
    static async Task RecordQuietly(WarehouseEndpoint warehouse, LoadContext context, LoadErrorLog errors)
    {
        try
        {
            await LoadErrorTable.RecordAsync(warehouse, context.Sql, context.RunId, errors.Sorted(), CancellationToken.None);
        }
        catch (Exception e)
        {
            context.Log.Warning($"could not record {errors.Count} rejected records in load_errors: {e.Message}");
        }
    }

    static async Task RollbackQuietly(NpgsqlTransaction transaction)
    {
        try { await transaction.RollbackAsync(CancellationToken.None); }
        catch (Exception) { /* the connection is broken, which rolls back too; the caller reports the cause */ }
    }
}
