using ScottPlot;
using SkiaSharp;
using Sparkify.Pipeline.Reporting;

namespace Sparkify.Pipeline.Tests.Reporting;

public class ChartRendererTests
{
    static readonly QueryResult Hours = new(["hour", "plays"], [true, true],
        Enumerable.Range(0, 24).Select(h => new object?[] { h, (long)(h * 37 % 101) }).ToList());

    static readonly QueryResult Songs = new(["song", "artist", "plays"], [false, false, true],
        Enumerable.Range(1, 10).Select(i => new object?[] { $"Song {i}", $"Artist {i % 3}", 1000L - i * 37 }).ToList());

    [TestCase(false)]
    [TestCase(true)]
    public void A_chart_has_the_same_pixels_as_ScottPlots_own_png(bool horizontal)
    {
        var (spec, result) = horizontal
            ? (new ChartSpec(["song", "artist"], ["plays"], "plays", Horizontal: true), Songs)
            : (new ChartSpec(["hour"], ["plays"], "plays", Horizontal: false), Hours);
        var (plot, height) = ChartRenderer.Draw(spec, result)!.Value;
        var ours = ChartRenderer.Png(plot, ChartRenderer.Width * 2, height * 2);
        var theirs = plot.GetImageBytes(ChartRenderer.Width * 2, height * 2, ImageFormat.Png);

        using var a = SKBitmap.Decode(ours);
        using var b = SKBitmap.Decode(theirs);
        Assert.That((a.Width, a.Height), Is.EqualTo((ChartRenderer.Width * 2, height * 2)));
        Assert.That((b.Width, b.Height), Is.EqualTo((a.Width, a.Height)));
        Assert.That(a.Pixels.Distinct().Count(), Is.GreaterThan(2), "the chart drew nothing but a background");
        Assert.That(a.Pixels, Is.EqualTo(b.Pixels));
    }

    [Test]
    public void A_result_without_rows_or_with_zeros_only_draws_no_chart()
    {
        var spec = new ChartSpec(["hour"], ["plays"], "plays", Horizontal: false);
        Assert.That(ChartRenderer.Render(spec, new QueryResult(["hour", "plays"], [true, true], [])), Is.Null);
        Assert.That(ChartRenderer.Render(spec, new QueryResult(["hour", "plays"], [true, true], [[0, 0L], [1, 0L]])), Is.Null);
    }
}
