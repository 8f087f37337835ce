using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.Audit;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Runs the data-quality checks of sql/quality/; a violation fails the build with the failed queries and rows.
public static class Verify
{
    public const string Folder = "quality";
    const int ShownRows = 5;

    public static Task<QualityReport> ExecuteAsync(Run run) => run.Boundary("Verify", async () =>
    {
        var warehouse = await run.WarehouseAsync();
        var report = await RunAsync(warehouse, run.Sql, run.Window, run.Id, run.Ct);
        run.Log.Information($"Verify on {warehouse}:\n{report.Table()}");
        run.Summary.Set("quality", report.ToJson());
        if (report.Failures.Any()) throw new PipelineException(report.FailureMessage());
        return report;
    });

    /// Runs every check (all of them, even after a failure) and records the outcome in etl_runs; it does not throw on a violation.
    public static async Task<QualityReport> RunAsync(WarehouseEndpoint warehouse, SqlFiles sql, DateWindow? window,
        string runId, CancellationToken ct)
    {
        var checks = sql.List(Folder).Select(file => QualityCheck.From(file, sql.Read(file))).ToList();
        await using var connection = await warehouse.OpenAsync(ct);
        var audit = new EtlRuns(connection, runId, "Verify", window);
        await audit.StartAsync(ct);
        var outcomes = new List<CheckOutcome>();
        try
        {
            var range = await EventRange.ForAsync(connection, sql, window, ct);
            foreach (var check in checks)
            {
                outcomes.Add(await RunCheckAsync(connection, check, range, ct));
                if (PausePoint.Armed) PausePoint.Reach($"verify:after:{Path.GetFileName(check.File)}", ct);
            }
        }
        catch (Exception e)
        {
            await audit.FailedAsync(null, e.Message, CancellationToken.None);
            if (e is PostgresException pg)
                throw new PipelineException($"Verify: a quality check did not run ({pg.SqlState}: {pg.MessageText}); " +
                                            $"check sql/{checks.ElementAtOrDefault(outcomes.Count)?.File}", e);
            throw;
        }
        var report = new QualityReport(outcomes);
        var counts = new JsonObject(outcomes.Where(o => !o.Check.Informational)
            .Select(o => KeyValuePair.Create(o.Check.Name, (JsonNode?)o.Rows)));
        var detail = $"{report.Passed} passed, {report.Failures.Count()} failed";
        if (report.Failures.Any()) await audit.FailedAsync(counts, detail, ct);
        else await audit.SucceededAsync(counts, detail, ct);
        return report;
    }

    static async Task<CheckOutcome> RunCheckAsync(NpgsqlConnection connection, QualityCheck check, EventRange range, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(check.Sql, connection);
        range.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long rows = 0;
        var first = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            if (rows++ < ShownRows)
                first.Add(string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={Show(reader, i)}")));
        }
        return new CheckOutcome(check, rows, first);
    }

    static string Show(NpgsqlDataReader reader, int column) => reader.IsDBNull(column)
        ? "NULL"
        : reader.GetValue(column) switch
        {
            DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString() ?? "",
        };
}
