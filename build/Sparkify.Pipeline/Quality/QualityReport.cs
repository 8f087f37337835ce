using System.Text;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Quality;

/// The outcome of every check, as the aligned table Verify prints, the run summary's "quality" section, and the
/// failure message that names each failed file, its query and its first offending rows.
public sealed record QualityReport(IReadOnlyList<CheckOutcome> Outcomes)
{
    public IEnumerable<CheckOutcome> Failures => Outcomes.Where(o => o.Failed);

    public int Passed => Outcomes.Count(o => o.Status == "passed");

    /// Each table's row count, read while the checks run (Verify holds the writer lock; null for a table that does not exist).
    public IReadOnlyDictionary<string, long?> Tables { get; init; } = new Dictionary<string, long?>();

    /// What etl_runs keeps of this Verify (<see cref="VerifyCounts"/>): violations per check, rows per table.
    public JsonObject Counts() => VerifyCounts.ToJson(Outcomes, Tables);

    public string Detail => $"{Passed} passed, {Failures.Count()} failed";

    public string Table()
    {
        var width = Math.Max("check".Length, Outcomes.Select(o => o.Check.Name.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.AppendLine($"  {"check".PadRight(width)}  {"status",-6}  {"violations",10}");
        text.AppendLine($"  {new string('-', width)}  ------  {new string('-', 10)}");
        foreach (var o in Outcomes)
        {
            var violations = o.Check.Informational ? "-" : o.Rows.ToString("N0");
            var note = o.Check.Informational && o.FirstRows.Count > 0 ? "  " + o.FirstRows[0] : "";
            text.AppendLine($"  {o.Check.Name.PadRight(width)}  {o.Status,-6}  {violations,10}{note}");
        }
        text.Append($"  {Passed} passed, {Failures.Count()} failed, {Outcomes.Count(o => o.Check.Informational)} informational");
        return text.ToString();
    }

    /// The run summary's "quality": per check its status, violations, the first rows as "column=value" text (rows), the
    /// same rows as values under their columns (columns, first_rows) and the CSV of all of them (csv; failed rules only).
    public JsonArray ToJson() => new(Outcomes.Select(o => (JsonNode)new JsonObject
    {
        ["check"] = o.Check.Name,
        ["file"] = $"sql/{o.Check.File}",
        ["status"] = o.Status.ToLowerInvariant(),
        ["violations"] = o.Check.Informational ? null : o.Rows,
        ["rows"] = new JsonArray(o.FirstRows.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
        ["columns"] = new JsonArray(o.Columns.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
        ["first_rows"] = new JsonArray(o.Sample.Select(r => (JsonNode)new JsonArray(r.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())).ToArray()),
        ["csv"] = o.Csv,
    }).ToArray());

    /// Each failed file, its query, its first offending rows (keys first) and the CSV that holds all of them.
    public string FailureMessage()
    {
        var text = new StringBuilder($"Verify: {Failures.Count()} of {Outcomes.Count(o => !o.Check.Informational)} quality checks failed");
        foreach (var o in Failures)
        {
            text.Append($"\n\nsql/{o.Check.File}: {o.Rows:N0} offending rows\n{o.Check.Sql}\nfirst rows:");
            foreach (var row in o.FirstRows) text.Append($"\n  {row}");
            if (o.Csv is not null) text.Append($"\nall {o.Rows:N0}: {o.Csv}");
        }
        text.Append("\n\nFix the staged data or the transform, then run ./build.sh Verify again (it runs Transform first).");
        return text.ToString();
    }

    /// The one line a failed Verify ends with, after <see cref="FailureMessage"/> went to the log.
    public string FailureSummary() =>
        $"Verify: {Failures.Count()} of {Outcomes.Count(o => !o.Check.Informational)} quality checks failed " +
        $"({string.Join(", ", Failures.Select(o => $"{o.Check.Name}: {o.Rows:N0}"))}); their offending rows are above";
}
