using Npgsql;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Targets;

/// Runs the analytics queries read-only and writes artifacts/report/index.html and report.md; prints a short digest.
public static class Report
{
    /// What the report reads besides the tables: its queries, the checks and docs it shows, the profile.
    static readonly string[] InputFolders = ["analytics", "docs", Verify.Folder];

    public static Task<ReportFiles> ExecuteAsync(Run run) => run.Boundary("Report", async () =>
    {
        var warehouse = await run.ReaderWarehouseAsync();
        var folder = Path.Combine(run.ArtifactsDir, "report");
        var inputs = UpToDate.Fingerprint(InputFolders.SelectMany(run.Sql.List).Select(f => $"{f} {run.Sql.Read(f)}")
            .Prepend($"profile {run.Profile.Name()}"));
        var marks = await MarksAsync(warehouse, run.Sql, run.Ct);
        if (marks is not null && !run.Args.Flag(Options.Force) && FileStamp.Current(folder, inputs, marks) is { } stamp)
        {
            run.Log.Information($"Report: up to date since run {stamp.RunId}, not run: no table it reads changed and its queries are " +
                                $"the same; {Path.Combine(folder, "index.html")} kept (--force runs it)");
            run.Summary.UpToDate("Report", stamp.RunId);
            run.Summary.Set("report", Summary(folder, stamp.Result, stamp.RunId));
            return new ReportFiles(Path.Combine(folder, "index.html"), Path.Combine(folder, "report.md"));
        }
        if (Directory.Exists(folder)) FileStamp.Remove(folder);
        var (content, files) = await RunAsync(warehouse, run.Sql, folder, run.Profile.Name(), run.Ct,
            LastRunSummary.For(run.ArtifactsDir, run.Summary, run.Platform.Datasets));
        foreach (var line in ReportDigest.Lines(content)) run.Log.Information(line);
        run.Log.Information($"Report written to {files.Html} (open it in a browser; Markdown in {Path.GetFileName(files.Markdown)} beside it)");
        var sections = new JsonObject(content.Sections.Select(s =>
            KeyValuePair.Create(s.Section.Query, (JsonNode?)JsonValue.Create(s.Result.Rows.Count))));
        run.Summary.Set("report", Summary(folder, sections, null));
        if (marks is not null)
            FileStamp.Write(folder, inputs, marks, run.Id, Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith(FileStamp.FileName, StringComparison.Ordinal)), sections);
        return files;
    });

    static JsonObject Summary(string folder, JsonObject sections, string? upToDateSince) => new()
    {
        ["html"] = Path.Combine(folder, "index.html"),
        ["markdown"] = Path.Combine(folder, "report.md"),
        ["sections"] = sections.DeepClone(),
        ["up_to_date_since"] = upToDateSince,
    };

    /// The marks of the tables the report reads (PostgreSQL) and the warehouse's first run, which tells this warehouse
    /// from a later one with the same marks; null where they cannot be told (Redshift): it then runs.
    static async Task<string?> MarksAsync(WarehouseEndpoint warehouse, SqlFiles sql, CancellationToken ct)
    {
        if (warehouse.Dialect != Dialect.Postgres) return null;
        await using var connection = await warehouse.OpenAsync(ct);
        if (await UpToDate.MarksAsync(connection, sql, Stamped, ct) is not { } marks) return null;
        await using var first = new NpgsqlCommand(sql.Read("postgres/runs/warehouse_first_run.sql"), connection);
        return $"{marks};first run {await first.ExecuteScalarAsync(ct)}";
    }

    /// The tables the report reads whose writes are counted: the seven and what staging holds.
    static readonly IReadOnlyList<string> Stamped = [.. Tables.All, Modeling.StagingScope.Table];

    public static async Task<(ReportContent Content, ReportFiles Files)> RunAsync(
        WarehouseEndpoint warehouse, SqlFiles sql, string folder, string profile, CancellationToken ct, LastRunSummary? run = null)
    {
        var content = await ReportBuilder.GatherAsync(warehouse, sql, profile, run ?? LastRunSummary.Empty, ct);
        PausePoint.Reach("report:before:write", ct);
        return (content, await ReportWriter.WriteAsync(content, folder, ct));
    }
}
