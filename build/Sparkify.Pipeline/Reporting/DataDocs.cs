using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// The report's data docs: how the data got there (checks, loads, runs, lineage) and what it is (the schema).
/// Run summary sections come from <see cref="RunRecord"/>; etl_runs, row counts and the schema from the warehouse.
/// </summary>
public sealed record DataDocs(RunRecord Run, QueryResult? Runs, string? RunsError, IReadOnlyDictionary<string, long?> Rows,
    IReadOnlyList<TableDoc> Tables)
{
    public const string RunsSql = "sql/docs/last_runs.sql";
    public const string ColumnsSql = "sql/docs/table_columns.sql";
    public const string KeysSql = "sql/docs/table_keys.sql";

    /// Reads the warehouse's part in a read-only session of its own, so a failing docs query never hides the analytics.
    public static async Task<DataDocs> GatherAsync(WarehouseEndpoint warehouse, SqlFiles sql, RunRecord run, CancellationToken ct)
    {
        await using var session = await ReadOnlySession.OpenAsync(warehouse, ct);
        var rows = await session.CountRowsAsync(ct);
        var columns = (await session.RunAsync(sql.Read("docs/table_columns.sql"), ColumnsSql, ct)).Single();
        var keys = (await session.RunAsync(sql.Read("docs/table_keys.sql"), KeysSql, ct)).Single();
        var tables = TableDoc.From(Warehouse.Tables.CreatedFor(warehouse.Dialect), columns, keys, sql, warehouse.Dialect);
        QueryResult? runs = null;
        string? error = null;
        if (tables.Any(t => t.Name == "etl_runs" && t.Columns.Count > 0))
        {
            // Last, because a failure aborts the session's transaction.
            try { runs = (await session.RunAsync(sql.Read("docs/last_runs.sql"), RunsSql, ct)).Single(); }
            catch (PipelineException e) { error = e.Message; }
        }
        else error = "etl_runs does not exist yet: run ./build.sh CreateTables";
        return new DataDocs(run, runs, error, rows, tables);
    }
}
