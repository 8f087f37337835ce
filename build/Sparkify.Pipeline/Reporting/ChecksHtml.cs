using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Quality;
using static Sparkify.Pipeline.Reporting.DocsHtml;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// The Checks section: a table of every check Verify ran, then each check with its threshold, its query and, when it
/// returned rows, the first <see cref="CheckRunner.SampleRows"/> of them under their columns (keys first) and the CSV
/// that holds them all (artifacts/failed/CHECK.csv, beside this report's folder).
/// </summary>
static class ChecksHtml
{
    public static void Render(StringBuilder html, DataDocs docs)
    {
        Open(html, "checks", "Checks", "The data-quality checks Verify ran: each file under sql/quality returns its offending rows, " +
                                       "keys first; zero rows is a pass.");
        var run = docs.Run.Array("quality").OfType<JsonObject>().ToList();
        Table(html, ["check", "file", "status", "violations", "first offending rows"], [false, false, false, true, false],
            run.Select(c => new[]
            {
                S(c["check"]), $"sql/quality/{S(c["check"])}.sql", S(c["status"]), S(c["violations"]),
                string.Join("; ", (c["rows"] as JsonArray ?? []).Take(3).Select(S)),
            }).ToList(), statusColumn: 2);
        foreach (var c in run) Check(html, c, docs);
        Source(html, $"quality of the run summary ({docs.Run.Source}); queries from sql/quality/ as they are now");
    }

    static void Check(StringBuilder html, JsonObject outcome, DataDocs docs)
    {
        var name = S(outcome["check"]);
        var status = S(outcome["status"]);
        var check = docs.Checks.FirstOrDefault(q => q.Name == name);
        html.AppendLine($"<h3 id=\"check-{E(name)}\">{E(name)} <span class=\"status-{E(status)}\">{E(status)}</span></h3>");
        html.AppendLine($"<p class=\"reading\">{E(Threshold(check, docs.Screens))}</p>");
        if (check is not null)
            html.AppendLine($"<details{(status == "failed" ? " open" : "")}><summary>sql/{E(check.File)}</summary><pre class=\"sql\">{E(check.Sql)}</pre></details>");
        var columns = (outcome["columns"] as JsonArray ?? []).Select(S).ToList();
        var rows = (outcome["first_rows"] as JsonArray ?? []).OfType<JsonArray>()
            .Select(r => r.Select(v => v is null ? "NULL" : S(v)).ToArray()).ToList();
        if (columns.Count == 0 || rows.Count == 0) return;
        Table(html, columns, new bool[columns.Count], rows);
        var total = outcome["violations"] is { } v ? N(v) : rows.Count.ToString(CultureInfo.InvariantCulture);
        if (outcome["csv"] is not null)
            html.AppendLine($"<p class=\"more\">The first {rows.Count} of {E(total)} offending rows; all of them in " +
                            $"<a href=\"../failed/{E(Uri.EscapeDataString(name))}.csv\">failed/{E(name)}.csv</a> beside this report's folder.</p>");
    }

    static string Threshold(QualityCheck? check, IReadOnlyList<QualityScreen> screens)
    {
        if (check is null) return "This check's file is no longer in sql/quality/.";
        if (check.Informational) return "Informational (-- severity: info): its rows are shown, never a failure.";
        var screen = screens.FirstOrDefault(s => s.Answers.Contains(check.Name));
        return "Threshold: 0 rows; any offending row fails Verify." + (screen is null ? ""
            : $" Counted first by sql/{screen.File}; its own query runs when the count is not 0.");
    }
}
