using System.Globalization;
using System.Net;
using System.Text;
using Sparkify.Pipeline.Lineage;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// The lineage of the run as a small inline SVG (no script, no font or image from outside): three columns, the S3
/// source prefixes with their object counts, the staging tables and the star tables with their row counts, and
/// DataFlow's edges between them.
/// </summary>
public static class LineageSvg
{
    const int BoxWidth = 250, BoxHeight = 46, ColumnGap = 70, RowGap = 14, Margin = 10;
    public const int Width = Margin * 2 + BoxWidth * 3 + ColumnGap * 2;

    /// <paramref name="label"/> gives a node's two text lines: its name and its count.
    public static string Render(Func<string, (string Name, string Count)> label)
    {
        string[][] columns = [[DataFlow.LogData, DataFlow.SongData], [.. DataFlow.Staging], [.. DataFlow.Star]];
        var height = Margin * 2 + columns.Max(c => c.Length) * (BoxHeight + RowGap) - RowGap;
        var at = new Dictionary<string, (int X, int Y)>();
        for (var c = 0; c < columns.Length; c++)
        {
            var top = Margin + (height - Margin * 2 - (columns[c].Length * (BoxHeight + RowGap) - RowGap)) / 2;
            for (var r = 0; r < columns[c].Length; r++) at[columns[c][r]] = (Margin + c * (BoxWidth + ColumnGap), top + r * (BoxHeight + RowGap));
        }
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage\" role=\"img\" aria-label=\"Lineage diagram\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\">");
        foreach (var (from, to) in DataFlow.Edges)
        {
            var (x1, y1) = (at[from].X + BoxWidth, at[from].Y + BoxHeight / 2);
            var (x2, y2) = (at[to].X, at[to].Y + BoxHeight / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x1},{y1} C{x1 + ColumnGap / 2},{y1} {x2 - ColumnGap / 2},{y2} {x2 - 6},{y2}\" fill=\"none\" stroke=\"#718096\" stroke-width=\"1.5\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x2 - 7},{y2 - 4} L{x2},{y2} L{x2 - 7},{y2 + 4} Z\" fill=\"#718096\"/>");
        }
        foreach (var (node, (x, y)) in at)
        {
            var (name, count) = label(node);
            var fill = node is DataFlow.LogData or DataFlow.SongData ? "#fefcbf" : DataFlow.Staging.Contains(node) ? "#ebf8ff" : "#f0fff4";
            svg.Append(CultureInfo.InvariantCulture, $"<g data-node=\"{E(node)}\"><rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"6\" fill=\"{fill}\" stroke=\"#4a5568\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 10}\" y=\"{y + 19}\" font-size=\"13\" font-weight=\"600\" fill=\"#1a202c\">{E(Fit(name))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 10}\" y=\"{y + 37}\" font-size=\"12\" fill=\"#4a5568\">{E(count)}</text></g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// A long S3 URI keeps its end, which names the prefix.
    static string Fit(string text) => text.Length <= 34 ? text : "…" + text[^33..];

    static string E(string text) => WebUtility.HtmlEncode(text);
}
