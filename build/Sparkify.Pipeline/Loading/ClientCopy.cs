using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.Loading.Json;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Redshift's COPY … FORMAT AS JSON, done by the client for PostgreSQL: lists the objects, reads the target's
/// columns, then truncates and binary-COPYs the table in one transaction (REPLACE: a re-run never duplicates).
/// All or nothing per table: past MAXERROR rejected records, or on any read failure, nothing is committed;
/// rejected records go to load_errors either way.
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
        var objects = await ObjectListing.ListAsync(copy, stores, ct);
        await using var connection = await warehouse.OpenAsync(ct);
        var columns = await TargetColumn.ReadAsync(connection, context.Sql, table, ct);
        var map = await MapAsync(stores, options.Format, objects, columns, table, context.Log, ct);
        var step = LoadStamp.Step(table);
        var inputs = LoadStamp.Inputs(copy, options, columns, objects, stores);
        IReadOnlyList<string> stamped = [table, .. context.WrittenWith(copy)];
        if (context.SkipUpToDate && inputs is not null &&
            await UpToDate.CurrentAsync(connection, context.Sql, step, inputs, stamped, ct) is { } stamp)
            return LoadStamp.Skipped(table, stamp, Math.Round(clock.Elapsed.TotalSeconds, 3));

        var listed = clock.Elapsed;
        var progress = new LoadProgress(table);
        progress.AddObjects(objects.Count);
        context.OnStart?.Invoke(progress);
        var errors = new LoadErrorLog(options.MaxError);
        long rows;
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            try
            {
                await using (var truncate = new NpgsqlCommand($"truncate table \"{table}\"", connection))
                    await truncate.ExecuteNonQueryAsync(ct);
                rows = await TablePump.RunAsync(connection, copy, columns, map, objects, errors, progress, ct);
                if (context.BeforeCommit is { } beforeCommit) await beforeCommit(connection, copy, ct);
                if (inputs is not null)
                    await UpToDate.RecordAsync(connection, context.Sql, step, inputs, stamped, context.RunId,
                        LoadStamp.Result(rows, objects.Count, progress.Bytes, errors.Count), ct);
            }
            catch (Exception e)
            {
                await RollbackQuietly(transaction);
                await RecordQuietly(warehouse, context, errors);
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
        return new LoadResult(table, rows, objects.Count, progress.Bytes, errors.Count, Math.Round(clock.Elapsed.TotalSeconds, 3))
        {
            Phases = progress.Phases(listed, clock.Elapsed - analyzing).Rounded(),
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
