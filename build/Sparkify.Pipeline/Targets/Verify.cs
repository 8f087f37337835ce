using Npgsql;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Runs the data-quality checks of sql/quality/; a violation fails the build with the failed queries and rows.
public static class Verify
{
    public const string Folder = QualityCheck.Folder;
    /// Under the artifacts folder: one CSV per failed check with all its offending rows.
    public const string FailedFolder = "failed";
    /// Checks run on two connections at once: the local profile has two cores and each check is one scan, join or
    /// grouping (issue 13; figures in docs/schema.md).
    const int Connections = 2;

    public static Task<QualityReport> ExecuteAsync(Run run) => run.Boundary("Verify", async () =>
    {
        var warehouse = await run.WarehouseAsync();
        var stamp = warehouse.Dialect == Dialect.Postgres ? await VerifyStamp.ReadAsync(warehouse, run.Sql, run.Window, run.Ct) : null;
        if (stamp?.Current is { } current && !run.Args.Flag(Options.Force))
        {
            run.Log.Information($"Verify: up to date since run {current.RunId}, not run: no table it checks changed and its checks are the same " +
                                "(--force runs it)");
            run.Audit.Report("Verify", current.Result, $"up to date since run {current.RunId}, not run");
            run.Summary.UpToDate("Verify", current.RunId);
            run.Summary.Set("quality", VerifyStamp.Quality(run.ArtifactsDir, current));
            return new QualityReport([]);
        }
        var scope = stamp is null ? VerifyScope.Full("Redshift counts no writes")
            : run.Args.Flag(Options.Force) ? VerifyScope.Full("--force")
            : await VerifyScope.ReadAsync(warehouse, run.Sql, stamp, run.Ct);
        run.Summary.Set("verify_scope", scope.ToJson());
        QualityReport report;
        try
        {
            report = await RunAsync(warehouse, run.Sql, run.Window, run.Ct, Path.Combine(run.ArtifactsDir, FailedFolder), scope.Range);
        }
        catch (Exception e)
        {
            run.Audit.Report("Verify", null, e.Message);
            throw;
        }
        run.Audit.Report("Verify", report.Counts(), scope.Days is null ? report.Detail : $"{report.Detail}, scoped to {string.Join(", ", scope.Days)}");
        run.Log.Information($"Verify on {warehouse}, {scope}:\n{report.Table()}");
        run.Summary.Set("quality", report.ToJson());
        if (!report.Failures.Any())
        {
            if (stamp is not null) await stamp.RecordAsync(warehouse, run.Sql, run.Id, report.Counts(), run.Ct);
            return report;
        }
        // Through the log, whose sinks redact and escape, not in the exception Cake prints as it is.
        run.Log.Error(report.FailureMessage());
        throw new PipelineException(report.FailureSummary());
    });

    /// Runs every check (all of them, even after a failure) and counts each table's rows meanwhile (the run records both in
    /// etl_runs, where the report's trends read them back); it does not throw on a violation. With
    /// <paramref name="failedFolder"/>, a failed check's offending rows all go to CHECK.csv there (files of an earlier
    /// run for these checks are removed first). With <paramref name="days"/> (a scoped Verify, <see cref="VerifyScope"/>)
    /// the reconciliation and the checks of facts and time rows read those days only. On PostgreSQL a key check whose
    /// key the catalog shows enforced passes without its scan (<see cref="UniqueKey"/>).
    public static async Task<QualityReport> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, DateWindow? window,
        CancellationToken ct, string? failedFolder = null, EventRange? days = null)
    {
        var checks = sql.List(Folder).Select(file => QualityCheck.From(file, sql.Read(file))).ToList();
        var screens = sql.List(QualityScreen.Folder).Select(file => QualityScreen.From(file, sql.Read(file))).ToList();
        QualityScreen.Validate(screens, checks);
        if (failedFolder is not null) FailedRowsCsv.RemoveStale(failedFolder, checks.Select(c => c.Name));
        await using var connection = await warehouse.OpenAsync(ct);
        var more = new List<NpgsqlConnection>();
        IReadOnlyList<CheckOutcome> outcomes;
        IReadOnlyDictionary<string, long?>? tables = null;
        try
        {
            var range = days ?? await EventRange.ForAsync(connection, sql, window, ct);
            var enforced = warehouse.Dialect == Dialect.Postgres ? await UniqueKey.EnforcedAsync(connection, sql, checks, ct) : null;
            for (var i = 1; i < Connections; i++) more.Add(await warehouse.OpenAsync(ct));
            if (warehouse.Dialect == Dialect.Postgres)
                foreach (var c in more.Prepend(connection))
                {
                    await Statement.ExecuteAsync(c, sql.Read("postgres/one_backend_session.sql"), ct);
                    if (days is not null) await Statement.ExecuteAsync(c, sql.Read("postgres/verify_scoped_session.sql"), ct);
                }
            // The row counts are one more job of the queue: the checks only read, and Verify holds the writer lock.
            outcomes = await CheckRunner.RunAsync([connection, ..more], checks, screens, range, ct, failedFolder,
                beside: async (c, stop) => tables = await Tables.CountRowsAsync(c, stop), enforced: enforced, days: days);
        }
        finally
        {
            foreach (var c in more) await c.DisposeAsync();
        }
        return new QualityReport(outcomes) { Tables = tables! };
    }
}
