using ScottPlot;

namespace Sparkify.Pipeline.Reporting;

/// Draws a section's bar chart with ScottPlot as SVG: vector, so it stays sharp at any zoom and in print. Nothing is
/// rasterized or PNG-encoded, which was most of a chart's CPU (issue 29; figures in docs/report.md). Skia's SVG canvas
/// escapes the labels' text as XML.
public static class ChartRenderer
{
    public const int Width = 900;
    const int MaxLabel = 48;
    static readonly Color[] Palette = [Color.FromHex("#2b6cb0"), Color.FromHex("#dd6b20"), Color.FromHex("#38a169")];

    /// The chart as an SVG document <see cref="Width"/> wide, or null when the result has no rows to draw or all its
    /// values are zero.
    public static string? Render(ChartSpec spec, QueryResult result) =>
        Draw(spec, result) is var (plot, height) ? plot.GetSvgXml(Width, height) : null;

    /// The chart as a ScottPlot plot and its displayed height, or null when there is nothing to draw.
    static (Plot Plot, int Height)? Draw(ChartSpec spec, QueryResult result)
    {
        if (result.Rows.Count == 0) return null;
        if (Enumerable.Range(0, result.Rows.Count).All(r => spec.ValueColumns.All(c => result.Number(r, c) == 0))) return null;
        var labels = Enumerable.Range(0, result.Rows.Count).Select(r => Label(spec, result, r)).ToArray();
        var plot = new Plot();
        if (SansFont() is { } font) plot.Font.Set(font);
        var groupWidth = 0.8;
        var barWidth = groupWidth / spec.ValueColumns.Length;
        for (var s = 0; s < spec.ValueColumns.Length; s++)
        {
            var column = spec.ValueColumns[s];
            var offset = (s - (spec.ValueColumns.Length - 1) / 2.0) * barWidth;
            var bars = Enumerable.Range(0, labels.Length).Select(r => new Bar
            {
                Position = Position(spec, r, labels.Length) + offset,
                Value = result.Number(r, column),
                Size = barWidth * 0.92,
                FillColor = Palette[s % Palette.Length],
                Label = CellText.Readable(result.Value(r, column)),
                CenterLabel = false,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = spec.Horizontal;
            plottable.ValueLabelStyle.FontSize = 11;
            if (spec.ValueColumns.Length > 1) plottable.LegendText = CellText.Heading(column);
        }
        var ticks = Enumerable.Range(0, labels.Length).Select(r => Position(spec, r, labels.Length)).ToArray();
        var valueAxis = spec.Horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        var labelAxis = spec.Horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        labelAxis.SetTicks(ticks, labels);
        labelAxis.MajorTickStyle.Length = 0;
        valueAxis.Label.Text = spec.ValueTitle;
        valueAxis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        // Bars start at the axis; the far side keeps room for the value labels.
        if (spec.Horizontal) plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.03, top: 0.03);
        else plot.Axes.Margins(left: 0.03, right: 0.03, bottom: 0, top: 0.15);
        if (spec.Horizontal) plot.Grid.YAxisStyle.IsVisible = false; else plot.Grid.XAxisStyle.IsVisible = false;
        if (spec.ValueColumns.Length > 1) plot.ShowLegend(Alignment.UpperRight);
        return (plot, spec.Horizontal ? 90 + 34 * labels.Length : 360);
    }

    // Horizontal charts list the first row at the top, the way the table below them reads.
    static double Position(ChartSpec spec, int row, int rows) => spec.Horizontal ? rows - 1 - row : row;

    static string Label(ChartSpec spec, QueryResult result, int row)
    {
        var text = string.Join(spec.Separator, spec.LabelColumns.Select(c => result.Text(row, c)).Where(t => t.Length > 0));
        return text.Length <= MaxLabel ? text : text[..(MaxLabel - 1)] + "…";
    }

    /// The first sans-serif family the machine has, so the charts match the page; Skia's default may be a serif.
    static string? SansFont() => SansFonts.Value;

    static readonly Lazy<string?> SansFonts = new(() =>
    {
        var installed = SkiaSharp.SKFontManager.Default.GetFontFamilies().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { "Liberation Sans", "DejaVu Sans", "Arial", "Helvetica" }.FirstOrDefault(installed.Contains);
    });
}
