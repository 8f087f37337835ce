using Npgsql;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Runs the data-quality checks of sql/quality/; a violation fails the build with the failed queries and rows.
public static class Verify
{
    public const string Folder = "quality";
    /// Checks run on two connections at once: the local profile has two cores and each check is one scan, join or
    /// grouping (issue 13; figures in docs/schema.md).
    const int Connections = 2;

    public static Task<QualityReport> ExecuteAsync(Run run) => run.Boundary("Verify", async () =>
    {
        var warehouse = await run.WarehouseAsync();
        QualityReport report;
        try
        {
            report = await RunAsync(warehouse, run.Sql, run.Window, run.Ct);
        }
        catch (Exception e)
        {
            run.Audit.Report("Verify", null, e.Message);
            throw;
        }
        run.Audit.Report("Verify", report.Counts(), report.Detail);
        run.Log.Information($"Verify on {warehouse}:\n{report.Table()}");
        run.Summary.Set("quality", report.ToJson());
        if (report.Failures.Any()) throw new PipelineException(report.FailureMessage());
        return report;
    });

    /// Runs every check (all of them, even after a failure); it does not throw on a violation.
    public static async Task<QualityReport> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, DateWindow? window, CancellationToken ct)
    {
        var checks = sql.List(Folder).Select(file => QualityCheck.From(file, sql.Read(file))).ToList();
        var screens = sql.List(QualityScreen.Folder).Select(file => QualityScreen.From(file, sql.Read(file))).ToList();
        QualityScreen.Validate(screens, checks);
        await using var connection = await warehouse.OpenAsync(ct);
        var more = new List<NpgsqlConnection>();
        IReadOnlyList<CheckOutcome> outcomes;
        try
        {
            var range = await EventRange.ForAsync(connection, sql, window, ct);
            for (var i = 1; i < Connections; i++) more.Add(await warehouse.OpenAsync(ct));
            if (warehouse.Dialect == Dialect.Postgres)
                foreach (var c in more.Prepend(connection)) await Statement.ExecuteAsync(c, sql.Read("postgres/verify_session.sql"), ct);
            outcomes = await CheckRunner.RunAsync([connection, ..more], checks, screens, range, ct);
        }
        finally
        {
            foreach (var c in more) await c.DisposeAsync();
        }
        return new QualityReport(outcomes);
    }
}
