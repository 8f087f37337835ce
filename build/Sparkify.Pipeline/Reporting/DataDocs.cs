using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// The report's data docs: how the data got there (checks, loads, runs, lineage) and what it is (the schema).
/// Run summary sections come from <see cref="LastRunSummary"/>; etl_runs (the runs and Verify's history), row counts
/// and the schema from the warehouse; each check's query and threshold from sql/quality/ as it is now.
/// </summary>
public sealed record DataDocs(LastRunSummary Run, QueryResult? Runs, string? RunsError, IReadOnlyDictionary<string, long?> Rows,
    IReadOnlyList<TableDoc> Tables)
{
    /// Verify's finished runs, oldest first (sql/docs/verify_history.sql); null when etl_runs could not be read.
    public QueryResult? History { get; init; }

    /// The checks of sql/quality/ and the screens that answer some of them.
    public IReadOnlyList<QualityCheck> Checks { get; init; } = [];

    public IReadOnlyList<QualityScreen> Screens { get; init; } = [];

    public const string RunsSql = "sql/docs/last_runs.sql";
    public const string HistorySql = "sql/docs/verify_history.sql";
    public const string ColumnsSql = "sql/docs/table_columns.sql";
    public const string KeysSql = "sql/docs/table_keys.sql";

    /// Reads the warehouse's part in a read-only session of its own, so a failing docs query never hides the analytics.
    public static async Task<DataDocs> GatherAsync(WarehouseEndpoint warehouse, SqlFiles sql, LastRunSummary run, CancellationToken ct)
    {
        await using var session = await ReadOnlySession.OpenAsync(warehouse, ct, setup: ReportBuilder.SessionSetup(warehouse, sql));
        var rows = await session.CountRowsAsync(ct);
        var columns = (await session.RunAsync(sql.Read("docs/table_columns.sql"), ColumnsSql, ct)).Single();
        var keys = await KeysAsync(warehouse, sql, ct);
        var tables = TableDoc.From(Warehouse.Tables.CreatedFor(warehouse.Dialect), columns, keys, sql, warehouse.Dialect);
        QueryResult? runs = null, history = null;
        string? error = null;
        if (tables.Any(t => t.Name == "etl_runs" && t.Columns.Count > 0))
        {
            // Last in the session, because a failure aborts its transaction.
            try
            {
                runs = (await session.RunAsync(sql.Read("docs/last_runs.sql"), RunsSql, ct)).Single();
                history = (await session.RunAsync(sql.Read("docs/verify_history.sql"), HistorySql, ct)).Single();
            }
            catch (PipelineException e) { error = e.Message; }
        }
        else error = "etl_runs does not exist yet: run ./build.sh CreateTables";
        return new DataDocs(run, runs, error, rows, tables)
        {
            History = history,
            Checks = sql.List(QualityCheck.Folder).Select(f => QualityCheck.From(f, sql.Read(f))).ToList(),
            Screens = sql.List(QualityScreen.Folder).Select(f => QualityScreen.From(f, sql.Read(f))).ToList(),
        };
    }

    /// The keys, in a session of their own: information_schema's constraint views differ most between engines
    /// (Redshift's come from PostgreSQL 8.0), and the schema without keys is still worth showing.
    static async Task<QueryResult> KeysAsync(WarehouseEndpoint warehouse, SqlFiles sql, CancellationToken ct)
    {
        try
        {
            await using var session = await ReadOnlySession.OpenAsync(warehouse, ct, setup: ReportBuilder.SessionSetup(warehouse, sql));
            return (await session.RunAsync(sql.Read("docs/table_keys.sql"), KeysSql, ct)).Single();
        }
        catch (PipelineException)
        {
            return new QueryResult(["table_name", "column_name", "constraint_type", "references_table", "references_column"], [false, false, false, false, false], []);
        }
    }
}
