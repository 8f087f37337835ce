using System.Globalization;
using System.Net;
using System.Text;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// The report as one self-contained HTML file: styles inline, charts as SVG data URIs (images, not inline SVG, whose
/// clip-path ids would clash between charts in one document), no script and no link outside the file, so it reads
/// offline and prints (print CSS keeps sections and charts whole).
/// Every value from the warehouse is HTML-escaped.
/// </summary>
public static class HtmlReport
{
    /// A longer table shows its first rows and says how many it left out (the full list: Query --file=…).
    public const int MaxTableRows = 50;

    public static string Render(ReportContent report)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine("<title>Sparkify listening report</title>");
        html.AppendLine($"<style>{HtmlStyle.Css}</style></head><body>");
        html.AppendLine("<header><h1>Sparkify listening report</h1>");
        html.AppendLine($"<p class=\"meta\">Warehouse {E(report.Warehouse)} (profile {E(report.Profile)}) · generated " +
                        $"{E(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</p></header>");
        html.AppendLine("<nav><h2>Contents</h2><ol>");
        foreach (var s in report.Sections) html.AppendLine($"<li><a href=\"#{E(s.Section.Anchor)}\">{E(s.Section.Title)}</a></li>");
        if (report.Docs is not null)
            foreach (var (anchor, title) in DataDocsHtml.Sections) html.AppendLine($"<li><a href=\"#{anchor}\">{E(title)}</a></li>");
        html.AppendLine("</ol></nav><main>");
        foreach (var s in report.Sections) Section(html, s);
        if (report.Docs is not null) DataDocsHtml.Render(html, report.Docs);
        html.AppendLine("</main>");
        html.AppendLine("<footer>Each section names the SQL file or run summary section that produced it; " +
                        "run it yourself with <code>./build.sh Query --file=sql/analytics/…</code>.</footer>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    static void Section(StringBuilder html, SectionResult s)
    {
        html.AppendLine($"<section id=\"{E(s.Section.Anchor)}\">");
        html.AppendLine($"<h2>{E(s.Section.Title)}</h2>");
        html.AppendLine($"<p class=\"question\">{E(s.Query.Question)}</p>");
        if (s.Section.Reading.Length > 0) html.AppendLine($"<p class=\"reading\">{E(s.Section.Reading)}</p>");
        if (s.Note is not null) html.AppendLine($"<p class=\"note\">{E(s.Note)}</p>");
        if (s.Withheld) html.AppendLine("<p class=\"empty\">Withheld: see the note above.</p>");
        else if (s.Section.Query == "overview" && s.Result.Rows.Count == 1) Figures(html, s.Result);
        else
        {
            if (s.Chart is not null)
                html.AppendLine($"<figure><img alt=\"Chart: {E(s.Section.Title)}\" width=\"{ChartRenderer.Width}\" " +
                                $"src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Chart))}\"></figure>");
            Table(html, s.Result, s.SqlPath);
        }
        html.AppendLine($"<p class=\"source\">{E(s.SqlPath)}</p>");
        html.AppendLine("</section>");
    }

    static void Figures(StringBuilder html, QueryResult result)
    {
        html.AppendLine("<dl class=\"figures\">");
        for (var c = 0; c < result.Columns.Count; c++)
            html.AppendLine($"<div><dt>{E(CellText.Heading(result.Columns[c]))}</dt><dd>{E(Cell(result.Rows[0][c]))}</dd></div>");
        html.AppendLine("</dl>");
    }

    static void Table(StringBuilder html, QueryResult result, string sqlPath)
    {
        if (result.Rows.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">No rows.</p>");
            return;
        }
        html.Append("<table><thead><tr>");
        for (var c = 0; c < result.Columns.Count; c++)
            html.Append($"<th{Align(result, c)}>{E(CellText.Heading(result.Columns[c]))}</th>");
        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in result.Rows.Take(MaxTableRows))
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Length; c++) html.Append($"<td{Align(result, c)}>{E(Cell(row[c]))}</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");
        if (result.Rows.Count > MaxTableRows)
            html.AppendLine($"<p class=\"more\">{E(LeftOut(result, sqlPath))}</p>");
    }

    public static string LeftOut(QueryResult result, string sqlPath) =>
        $"The first {MaxTableRows} of {CellText.Readable(result.Rows.Count)} rows; all of them: ./build.sh Query --file={sqlPath} --max-rows={result.Rows.Count}";

    static string Align(QueryResult result, int column) => result.Numeric[column] ? " class=\"num\"" : "";

    static string Cell(object? value) => value is null or DBNull ? "—" : CellText.Readable(value);

    static string E(string text) => WebUtility.HtmlEncode(text);
}
