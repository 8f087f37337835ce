using System.Globalization;
using System.Text;
using Sparkify.Pipeline.Quality;
using static Sparkify.Pipeline.Reporting.DocsHtml;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// The Trends section: each check's violations and each table's row count over the last Verify runs, read back from
/// the warehouse's own record (etl_runs, <see cref="VerifyCounts"/>), each as a small inline SVG line.
/// </summary>
static class TrendsHtml
{
    public static void Render(StringBuilder html, DataDocs docs)
    {
        Open(html, "trends", "Trends", "Each check's violations and each table's row count at the end of the last Verify runs, " +
                                       "oldest on the left; a red point is a run where the check failed.");
        var runs = Runs(docs.History);
        if (runs.Count == 0)
        {
            html.AppendLine($"<p class=\"empty\">{E(docs.History is null ? docs.RunsError ?? "No runs." : "No finished Verify run is recorded yet.")}</p>");
            Source(html, DataDocs.HistorySql);
            return;
        }
        html.AppendLine($"<p class=\"reading\">{runs.Count} Verify run{(runs.Count == 1 ? "" : "s")}, from {E(runs[0].Started)} to {E(runs[^1].Started)} (UTC).</p>");
        html.AppendLine("<h3>Checks</h3>");
        Series(html, "check", runs, r => r.Counts.Checks, bad: v => v > 0);
        html.AppendLine("<h3>Row counts</h3>");
        Series(html, "table", runs, r => r.Counts.Tables, bad: _ => false);
        Source(html, DataDocs.HistorySql);
    }

    static void Series(StringBuilder html, string what, IReadOnlyList<(string Run, string Started, VerifyCounts Counts)> runs,
        Func<(string Run, string Started, VerifyCounts Counts), IReadOnlyDictionary<string, long>> of, Func<long, bool> bad)
    {
        var names = runs.SelectMany(r => of(r).Keys).Distinct().ToList();
        var rows = names.Select(name =>
        {
            var points = runs.Select(r => (r.Run, of(r).TryGetValue(name, out var v) ? v : (long?)null)).ToList();
            var known = points.Where(p => p.Item2 is not null).Select(p => p.Item2!.Value).ToList();
            return new[]
            {
                name, TrendSvg.Render(name, points, bad), Number(known[^1]),
                $"{Number(known.Min())} – {Number(known.Max())}", known.Count.ToString(CultureInfo.InvariantCulture),
            };
        }).ToList();
        Table(html, [what, "trend", "latest", "range", "runs"], [false, false, true, true, true], rows, raw: 1);
    }

    static List<(string Run, string Started, VerifyCounts Counts)> Runs(QueryResult? history) => history is null ? []
        : Enumerable.Range(0, history.Rows.Count)
            .Select(r => (history.Text(r, "run_id"), history.Text(r, "started_at"), VerifyCounts.Parse(history.Text(r, "counts"))))
            .Where(r => r.Item3.Checks.Count + r.Item3.Tables.Count > 0).ToList();

    static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
