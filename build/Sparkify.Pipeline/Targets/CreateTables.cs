using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Creates the seven tables from sql/DIALECT/create_TABLE.sql; keeps existing data unless --recreate.
public static class CreateTables
{
    public static Task<CreateTablesResult> ExecuteAsync(Run run) => run.Boundary("CreateTables", async () =>
    {
        var warehouse = await run.WarehouseAsync();
        var recreate = run.Args.Flag("recreate");
        var result = await RunAsync(warehouse, run.Sql, recreate, run.Ct);
        run.Log.Information($"CreateTables on {warehouse}: {result.Created} created, {result.Existing} kept" +
                            (recreate ? " (--recreate dropped them first)" : ""));
        return result;
    });

    public static async Task<CreateTablesResult> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, bool recreate, CancellationToken ct)
    {
        var folder = SqlFiles.DialectFolder(warehouse.Dialect);
        await using var connection = await warehouse.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (recreate) await ExecuteAsync(connection, sql.Read($"{folder}/drop_tables.sql"), ct);
        var before = await Tables.ExistingAsync(connection, ct);
        foreach (var table in Tables.All)
            await ExecuteAsync(connection, sql.Read($"{folder}/create_{table}.sql"), ct);
        // load_errors is the client-side loader's STL_LOAD_ERRORS: PostgreSQL only (Redshift has its own), so it is
        // not one of the seven tables both dialects declare.
        if (warehouse.Dialect == Dialect.Postgres)
            await ExecuteAsync(connection, sql.Read($"{folder}/create_load_errors.sql"), ct);
        await transaction.CommitAsync(ct);
        var kept = Tables.All.Count(before.Contains);
        return new CreateTablesResult(Tables.All.Count - kept, kept);
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string statement, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

public sealed record CreateTablesResult(int Created, int Existing);
