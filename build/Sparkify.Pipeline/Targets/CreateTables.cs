using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Creates the seven tables, the etl_runs audit table (and load_errors on PostgreSQL) from sql/DIALECT/create_TABLE.sql; keeps existing data unless --recreate.
/// Then makes the read-only role (sql/DIALECT/roles/) and grants it SELECT on exactly those tables.
public static class CreateTables
{
    public static Task<CreateTablesResult> ExecuteAsync(Run run) => run.Boundary("CreateTables", async () =>
    {
        var warehouse = await run.WarehouseAsync();
        var recreate = run.Args.Flag(Options.Recreate);
        var result = await RunAsync(warehouse, run.Sql, recreate, run.Ct);
        await run.Platform.EnsureReaderAsync(warehouse, run.Ct);
        run.Log.Information($"CreateTables on {warehouse}: {result.Created} created, {result.Existing} kept" +
                            (recreate ? " (--recreate dropped them first)" : "") + $"; read-only role {WarehouseRoles.Reader} granted SELECT on them");
        return result;
    });

    public static async Task<CreateTablesResult> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, bool recreate, CancellationToken ct)
    {
        var folder = SqlFiles.DialectFolder(warehouse.Dialect);
        await using var connection = await warehouse.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (recreate) await Statement.ExecuteAsync(connection, sql.Read($"{folder}/drop_tables.sql"), ct);
        var before = await Tables.ExistingAsync(connection, ct);
        var tables = Tables.CreatedFor(warehouse.Dialect);
        foreach (var table in tables)
            await Statement.ExecuteAsync(connection, sql.Read($"{folder}/create_{table}.sql"), ct);
        // Staging tables an older CreateTables made lack the ledger's object_id column (PostgreSQL can add it if missing).
        if (warehouse.Dialect == Dialect.Postgres) await Statement.ExecuteAsync(connection, sql.Read("postgres/staging_object_id.sql"), ct);
        PausePoint.Reach("createtables:before:commit", ct);
        await transaction.CommitAsync(ct);
        var kept = tables.Count(before.Contains);
        return new CreateTablesResult(tables.Count - kept, kept);
    }
}

public sealed record CreateTablesResult(int Created, int Existing);
