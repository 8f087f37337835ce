using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Creates the seven tables, the etl_runs audit table (and load_errors on PostgreSQL) from sql/DIALECT/create_TABLE.sql; keeps existing data unless --recreate.
/// Then makes the read-only role (sql/DIALECT/roles/) and grants it SELECT on exactly those tables. On PostgreSQL the DDL
/// is not sent when its stamp proves the schema is what it would make (CreateTablesStamp, one catalog query).
public static class CreateTables
{
    public static Task<CreateTablesResult> ExecuteAsync(Run run) => run.Boundary("CreateTables", async () =>
    {
        var warehouse = await run.WarehouseAsync();
        var recreate = run.Args.Flag(Options.Recreate);
        var result = await RunAsync(warehouse, run.Sql, recreate, run.Ct, run.Id, force: run.Args.Flag(Options.Force));
        await run.Platform.EnsureReaderAsync(warehouse, run.Ct);
        run.Log.Information($"CreateTables on {warehouse}: {result.Created} created, {result.Existing} kept" +
                            (result.UpToDate ? " (the schema is as its last run left it: DDL not sent)" : "") +
                            (recreate ? " (--recreate dropped them first)" : "") + $"; read-only role {WarehouseRoles.Reader} granted SELECT on them");
        return result;
    });

    public static async Task<CreateTablesResult> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, bool recreate, CancellationToken ct,
        string runId = "-", bool force = false)
    {
        var folder = SqlFiles.DialectFolder(warehouse.Dialect);
        var tables = Tables.CreatedFor(warehouse.Dialect);
        var files = tables.Select(t => $"{folder}/create_{t}.sql").ToList();
        // Staging tables an older CreateTables made lack the ledger's object_id column (PostgreSQL can add it if missing).
        if (warehouse.Dialect == Dialect.Postgres) files.Add("postgres/staging_object_id.sql");
        var stamp = warehouse.Dialect == Dialect.Postgres ? CreateTablesStamp.For(sql, tables, files) : null;
        await using var connection = await warehouse.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!recreate && !force && stamp is not null && await stamp.CurrentAsync(connection, sql, ct))
            return new CreateTablesResult(0, tables.Count, UpToDate: true);
        if (recreate) await Statement.ExecuteAsync(connection, sql.Read($"{folder}/drop_tables.sql"), ct);
        var before = await Tables.ExistingAsync(connection, ct);
        foreach (var file in files) await Statement.ExecuteAsync(connection, sql.Read(file), ct);
        var kept = tables.Count(before.Contains);
        var result = new CreateTablesResult(tables.Count - kept, kept);
        if (stamp is not null) await stamp.RecordAsync(connection, sql, runId, result, ct);
        PausePoint.Reach("createtables:before:commit", ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}

/// UpToDate: the DDL was not sent, its stamp proving the schema current.
public sealed record CreateTablesResult(int Created, int Existing, bool UpToDate = false);
