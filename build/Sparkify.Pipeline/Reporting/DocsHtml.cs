using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Lineage;

namespace Sparkify.Pipeline.Reporting;

/// The pieces every data-docs section is made of: its heading and reading, its tables, its source line; every value escaped.
static class DocsHtml
{
    public static void Open(StringBuilder html, string anchor, string title, string reading)
    {
        html.AppendLine($"<section id=\"{anchor}\" class=\"docs\">");
        html.AppendLine($"<h2>{E(title)}</h2>");
        html.AppendLine($"<p class=\"reading\">{E(reading)}</p>");
    }

    public static void Source(StringBuilder html, string source) => html.AppendLine($"<p class=\"source\">Source: {E(source)}</p></section>");

    /// Cells are text, escaped here; a column in <paramref name="raw"/> holds markup made by the report itself (an SVG).
    public static void Table(StringBuilder html, IReadOnlyList<string> headings, bool[] numeric, IReadOnlyList<string[]> rows,
        int statusColumn = -1, int raw = -1)
    {
        if (rows.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">No rows.</p>");
            return;
        }
        html.Append("<table><thead><tr>");
        for (var c = 0; c < headings.Count; c++) html.Append($"<th{(numeric[c] ? " class=\"num\"" : "")}>{E(CellText.Heading(headings[c]))}</th>");
        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Length; c++)
                html.Append($"<td{(numeric[c] ? " class=\"num\"" : c == statusColumn ? $" class=\"status-{E(row[c])}\"" : "")}>{(c == raw ? row[c] : E(row[c]))}</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    public static string Cell(object? value) => value is null or DBNull ? "—" : CellText.Readable(value);

    public static string S(JsonNode? node) => node is null ? "—" : node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();

    public static string N(JsonNode? node) => OpenLineageEvent.Number(node) is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : S(node);

    public static string E(string text) => WebUtility.HtmlEncode(text);
}
