using System.Xml.Linq;
using Sparkify.Pipeline.Reporting;

namespace Sparkify.Pipeline.Tests.Reporting;

/// The charts as SVG documents: read back as XML, they hold one bar per row, each label and value as text, at the
/// displayed size.
public class ChartRendererTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    static readonly QueryResult Hours = new(["hour", "plays"], [true, true],
        Enumerable.Range(0, 24).Select(h => new object?[] { h, (long)(h * 37 % 101) + 1 }).ToList());

    static readonly QueryResult Songs = new(["song", "artist", "plays"], [false, false, true],
        Enumerable.Range(1, 10).Select(i => new object?[] { $"Song {i}", $"Artist {i % 3}", 1000L - i * 37 }).ToList());

    [Test]
    public void A_horizontal_chart_has_a_bar_and_a_label_per_row_and_the_values_as_text()
    {
        var svg = Parse(ChartRenderer.Render(new ChartSpec(["song", "artist"], ["plays"], "plays", Horizontal: true), Songs));

        Assert.That(svg.Root!.Attribute("width")?.Value, Is.EqualTo(ChartRenderer.Width.ToString()));
        Assert.That(svg.Root.Attribute("height")?.Value, Is.EqualTo((90 + 34 * 10).ToString()));
        Assert.That(Bars(svg, "#2B6CB0"), Is.EqualTo(10));
        var text = Texts(svg);
        Assert.That(text, Does.Contain("Song 1 — Artist 1").And.Contain("Song 10 — Artist 1").And.Contain("963").And.Contain("plays"));
    }

    [Test]
    public void A_chart_of_two_value_columns_draws_both_series_and_a_legend()
    {
        var levels = new QueryResult(["level", "plays_pct", "users_pct"], [false, true, true],
            [["free", 17.5m, 60.0m], ["paid", 82.5m, 40.0m]]);

        var svg = Parse(ChartRenderer.Render(new ChartSpec(["level"], ["plays_pct", "users_pct"], "% of total", Horizontal: false), levels));

        // Two bars of each colour, and that colour's swatch in the legend beside its heading.
        Assert.That(Bars(svg, "#2B6CB0"), Is.EqualTo(3));
        Assert.That(Bars(svg, "#DD6B20"), Is.EqualTo(3));
        Assert.That(Texts(svg), Does.Contain("82.5").And.Contain("free").And.Contain("% of total")
            .And.Contain(CellText.Heading("plays_pct")).And.Contain(CellText.Heading("users_pct")));
    }

    [Test]
    public void A_label_from_the_warehouse_is_escaped_as_xml_text()
    {
        var hostile = new QueryResult(["location", "plays"], [false, true], [["<script>alert(1)</script> & \"x\"", 3L]]);

        var xml = ChartRenderer.Render(new ChartSpec(["location"], ["plays"], "plays", Horizontal: true), hostile)!;

        Assert.That(xml, Does.Not.Contain("<script"));
        Assert.That(Texts(Parse(xml)), Does.Contain("<script>alert(1)</script> & \"x\""));
    }

    [Test]
    public void A_result_without_rows_or_with_zeros_only_draws_no_chart()
    {
        var spec = new ChartSpec(["hour"], ["plays"], "plays", Horizontal: false);
        Assert.That(ChartRenderer.Render(spec, new QueryResult(["hour", "plays"], [true, true], [])), Is.Null);
        Assert.That(ChartRenderer.Render(spec, new QueryResult(["hour", "plays"], [true, true], [[0, 0L], [1, 0L]])), Is.Null);
        Assert.That(ChartRenderer.Render(spec, Hours), Is.Not.Null);
    }

    static XDocument Parse(string? svg)
    {
        Assert.That(svg, Is.Not.Null, "no chart was drawn");
        var doc = XDocument.Parse(svg!);
        Assert.That(doc.Root!.Name, Is.EqualTo(Svg + "svg"));
        return doc;
    }

    // The bars are the filled rectangles of a series' colour.
    static int Bars(XDocument svg, string colour) =>
        svg.Descendants(Svg + "rect").Count(r => string.Equals((string?)r.Attribute("fill"), colour, StringComparison.OrdinalIgnoreCase));

    static List<string> Texts(XDocument svg) => svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
}
