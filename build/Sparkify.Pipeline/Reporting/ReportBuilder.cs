using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// Runs the analytics queries on read-only sessions sharing one snapshot (so the sections agree) and draws the charts.
public static class ReportBuilder
{
    public static async Task<ReportContent> GatherAsync(WarehouseEndpoint warehouse, SqlFiles sql, string profile, LastRunSummary run, CancellationToken ct)
    {
        var queries = AnalyticsQuery.LoadAll(sql);
        if (queries.Count == 0) throw new PipelineException($"{Path.Combine(sql.Root, AnalyticsQuery.Folder)} holds no .sql file");
        // The data docs read in sessions of their own meanwhile (row counts, schema, runs: about half a second at scale 100).
        var docs = DataDocs.GatherAsync(warehouse, sql, run, ct);
        var sections = await Observed(docs, SnapshotSessions.RunAsync(warehouse, queries.Count, async (session, i, token) =>
        {
            var query = queries[i];
            var path = $"sql/{AnalyticsQuery.Folder}/{query.FileName}";
            var results = await session.RunAsync(query.Sql, path, token);
            if (results.Count != 1 || results[0].Columns.Count == 0)
                throw new PipelineException($"{path} must be one select statement; it returned {results.Count} results");
            var section = ReportSections.For(query);
            // Drawn beside the sessions, which go on to their next query meanwhile.
            var chart = section.Chart is null
                ? Task.FromResult<string?>(null)
                : Task.Run(() => ChartRenderer.Render(section.Chart, results[0]), token);
            return (Section: section, Query: query, Path: path, Result: results[0], Chart: chart);
        }, ct, SessionSetup(warehouse, sql)));
        var drawn = new List<SectionResult>();
        foreach (var s in sections) drawn.Add(new SectionResult(s.Section, s.Query, s.Path, s.Result, await s.Chart));
        // Sections follow the report's reading order; queries it does not know yet come last, in file order.
        var order = ReportSections.All.Select(s => s.Query).ToList();
        var ordered = drawn.OrderBy(s => order.IndexOf(s.Section.Query) is var i and >= 0 ? i : order.Count).ToList();
        return new ReportContent(warehouse.ToString(), profile, DateTimeOffset.UtcNow, CatalogueMatch.Annotate(ordered))
        {
            Docs = await docs,
        };
    }

    /// The settings of the report's sessions: on PostgreSQL no parallel workers (sql/postgres/one_backend_session.sql says why).
    public static string? SessionSetup(WarehouseEndpoint warehouse, SqlFiles sql) =>
        warehouse.Dialect == Dialect.Postgres ? sql.Read("postgres/one_backend_session.sql") : null;

    /// The analytics' result; when they fail, the docs are awaited first, so their task never fails unobserved.
    static async Task<T> Observed<T>(Task other, Task<T> main)
    {
        try { return await main; }
        catch
        {
            // The analytics' error is the one to report.
            try { await other; }
            catch (Exception) { }
            throw;
        }
    }
}
