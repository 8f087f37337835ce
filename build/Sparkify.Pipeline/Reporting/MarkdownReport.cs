using System.Globalization;
using System.Text;

namespace Sparkify.Pipeline.Reporting;

/// The report as Markdown: the same sections and tables as the HTML, charts linked as SVG files beside it.
public static class MarkdownReport
{
    /// <paramref name="chartFile"/> names the SVG file a section's chart was written to, relative to the Markdown file.
    public static string Render(ReportContent report, Func<SectionResult, string> chartFile)
    {
        var md = new StringBuilder();
        md.AppendLine("# Sparkify listening report").AppendLine();
        md.AppendLine($"Warehouse {Escape(report.Warehouse)} (profile {Escape(report.Profile)}) · generated " +
                      $"{report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}").AppendLine();
        foreach (var s in report.Sections)
        {
            md.AppendLine($"## {Escape(s.Section.Title)}").AppendLine();
            md.AppendLine($"*{Escape(s.Query.Question)}*").AppendLine();
            if (s.Section.Reading.Length > 0) md.AppendLine(Escape(s.Section.Reading)).AppendLine();
            if (s.Note is not null) md.AppendLine($"**{Escape(s.Note)}**").AppendLine();
            if (s.Chart is not null) md.AppendLine($"![Chart: {Escape(s.Section.Title)}]({chartFile(s)})").AppendLine();
            if (!s.Withheld) Table(md, s.Result, s.SqlPath);
            md.AppendLine($"Source: `{s.SqlPath}`").AppendLine();
        }
        if (report.Docs is not null)
            md.AppendLine("The data docs (checks, trends, loads, runs, lineage, schema) are in index.html beside this file.").AppendLine();
        return md.ToString();
    }

    static void Table(StringBuilder md, QueryResult result, string sqlPath)
    {
        if (result.Rows.Count == 0)
        {
            md.AppendLine("No rows.").AppendLine();
            return;
        }
        md.AppendLine("| " + string.Join(" | ", result.Columns.Select(c => Escape(CellText.Heading(c)))) + " |");
        md.AppendLine("|" + string.Join("|", result.Numeric.Select(n => n ? "---:" : "---")) + "|");
        foreach (var row in result.Rows.Take(HtmlReport.MaxTableRows))
            md.AppendLine("| " + string.Join(" | ", row.Select(v => Escape(v is null or DBNull ? "—" : CellText.Readable(v)))) + " |");
        md.AppendLine();
        if (result.Rows.Count > HtmlReport.MaxTableRows) md.AppendLine(Escape(HtmlReport.LeftOut(result, sqlPath))).AppendLine();
    }

    /// Values come from the warehouse: characters that Markdown or an HTML-aware renderer would act on are escaped.
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Replace("\r", "").Replace('\n', ' '))
            sb.Append(ch switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '#' => "\\" + ch,
                _ => ch.ToString(),
            });
        return sb.ToString();
    }
}
