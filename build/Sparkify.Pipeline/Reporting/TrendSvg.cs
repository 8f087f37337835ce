using System.Globalization;
using System.Net;
using System.Text;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// One series over the last runs as a small inline SVG line (no script, no font or image from outside): a point per
/// run, oldest on the left, red where the run counted a violation; each point's title names its run and value.
/// </summary>
public static class TrendSvg
{
    public const int Width = 260, Height = 40;
    const int Pad = 5;

    /// <paramref name="points"/> oldest first; <paramref name="bad"/> marks the points drawn red.
    public static string Render(string label, IReadOnlyList<(string Run, long? Value)> points, Func<long, bool> bad)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" role=\"img\" aria-label=\"Trend: {E(label)}\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#e2e8f0\"/>");
        var known = points.Select((p, i) => (p.Run, p.Value, I: i)).Where(p => p.Value is not null).ToList();
        if (known.Count > 0)
        {
            var (min, max) = (Math.Min(0, known.Min(p => p.Value!.Value)), known.Max(p => p.Value!.Value));
            double X(int i) => points.Count == 1 ? Width / 2.0 : Pad + i * (Width - 2.0 * Pad) / (points.Count - 1);
            double Y(long v) => max == min ? Height - Pad : Height - Pad - (v - min) * (Height - 2.0 * Pad) / (max - min);
            svg.Append("<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"1.5\" points=\"");
            svg.AppendJoin(' ', known.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.I):0.#},{Y(p.Value!.Value):0.#}")));
            svg.Append("\"/>");
            foreach (var p in known)
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle cx=\"{X(p.I):0.#}\" cy=\"{Y(p.Value!.Value):0.#}\" r=\"2.5\" fill=\"{(bad(p.Value!.Value) ? "#c53030" : "#2b6cb0")}\"><title>{E(p.Run)}: {p.Value!.Value:N0}</title></circle>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    static string E(string text) => WebUtility.HtmlEncode(text);
}
