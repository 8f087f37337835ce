using System.Text.Json.Nodes;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Runs the analytics queries read-only and writes artifacts/report/index.html and report.md; prints a short digest.
public static class Report
{
    public static Task<ReportFiles> ExecuteAsync(Run run) => run.Boundary("Report", async () =>
    {
        var warehouse = await run.ReaderWarehouseAsync();
        var (content, files) = await RunAsync(warehouse, run.Sql, Path.Combine(run.ArtifactsDir, "report"), run.Profile.Name(), run.Ct,
            LastRunSummary.For(run.ArtifactsDir, run.Summary, run.Platform.Datasets));
        foreach (var line in ReportDigest.Lines(content)) run.Log.Information(line);
        run.Log.Information($"Report written to {files.Html} (open it in a browser; Markdown in {Path.GetFileName(files.Markdown)} beside it)");
        run.Summary.Set("report", new JsonObject
        {
            ["html"] = files.Html,
            ["markdown"] = files.Markdown,
            ["sections"] = new JsonObject(content.Sections.Select(s =>
                KeyValuePair.Create(s.Section.Query, (JsonNode?)JsonValue.Create(s.Result.Rows.Count)))),
        });
        return files;
    });

    public static async Task<(ReportContent Content, ReportFiles Files)> RunAsync(
        WarehouseEndpoint warehouse, SqlFiles sql, string folder, string profile, CancellationToken ct, LastRunSummary? run = null)
    {
        var content = await ReportBuilder.GatherAsync(warehouse, sql, profile, run ?? LastRunSummary.Empty, ct);
        PausePoint.Reach("report:before:write", ct);
        return (content, await ReportWriter.WriteAsync(content, folder, ct));
    }
}
