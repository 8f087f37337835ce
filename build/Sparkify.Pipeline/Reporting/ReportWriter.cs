namespace Sparkify.Pipeline.Reporting;

/// Writes the report folder: index.html (self-contained), report.md, and charts/NAME.svg for the Markdown.
public static class ReportWriter
{
    public static async Task<ReportFiles> WriteAsync(ReportContent report, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var charts = Path.Combine(folder, "charts");
        // A chart left from an earlier run would show data the warehouse no longer holds.
        if (Directory.Exists(charts)) Directory.Delete(charts, recursive: true);
        Directory.CreateDirectory(charts);
        foreach (var s in report.Sections.Where(s => s.Chart is not null))
            await File.WriteAllTextAsync(Path.Combine(charts, ChartFile(s)), s.Chart!, ct);
        var html = Path.Combine(folder, "index.html");
        var markdown = Path.Combine(folder, "report.md");
        await File.WriteAllTextAsync(html, HtmlReport.Render(report), ct);
        await File.WriteAllTextAsync(markdown, MarkdownReport.Render(report, s => "charts/" + ChartFile(s)), ct);
        return new ReportFiles(html, markdown);
    }

    static string ChartFile(SectionResult section) => section.Section.Query + ".svg";
}

public sealed record ReportFiles(string Html, string Markdown);
