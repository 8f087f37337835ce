using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Telemetry;

/// <summary>
/// The run as GitHub Actions' step summary shows it (Markdown appended to $GITHUB_STEP_SUMMARY): each target with
/// its status and seconds, rows per table, the loads and their rejected rows, the failed checks with their first
/// rows, and on AWS the cost the run's targets reported. Everything comes from the run summary; every value from
/// data or configuration is escaped for a Markdown table cell.
/// </summary>
public static class StepSummary
{
    const int ListedRejects = 10;

    public static string Markdown(JsonObject summary, string pipeline)
    {
        var text = new StringBuilder();
        var status = Text(summary, "status");
        var seconds = Items(summary, "targets").Sum(t => JsonNumber.Double(t["seconds"]));
        text.AppendLine($"### sparkify-dwh {Cell(pipeline)}: {Mark(status)} {status}");
        text.AppendLine();
        text.AppendLine($"Run `{Cell(Text(summary, "run_id"))}`, {Cell(Text(summary, "profile"))} profile, {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        Table(text, ["target", "status", "seconds"], Items(summary, "targets").Select(t =>
            new[] { Text(t, "name"), $"{Mark(Text(t, "status"))} {Text(t, "status")}", Text(t, "seconds") }), "--:");
        if (summary["tables"] is JsonObject tables)
            Table(text, ["table", "rows"], tables.Select(kv => new[] { kv.Key, kv.Value is null ? "(missing)" : Number(kv.Value) }), "-:");
        if (Items(summary, "loads").ToList() is { Count: > 0 } loads)
            Table(text, ["loaded", "rows", "objects", "added / changed / removed / unchanged", "MB", "rejected"], loads.Select(l => new[]
            {
                Text(l, "table"), Number(l["rows"]), Number(l["objects_listed"]), Changes(l["objects"]),
                (JsonNumber.Long(l["bytes"]) / 1048576.0).ToString("N1", CultureInfo.InvariantCulture), Number(l["rejected"]),
            }), "-:::::");
        if (Items(summary, "load_errors").ToList() is { Count: > 0 } errors)
        {
            text.AppendLine();
            text.AppendLine($"**Rejected rows** (the first {Math.Min(ListedRejects, errors.Count)} of those recorded):");
            Table(text, ["table", "file", "line", "column", "value", "reason"], errors.Take(ListedRejects).Select(e =>
                new[] { Text(e, "table"), Text(e, "file"), Text(e, "line"), Text(e, "column"), Text(e, "value"), Text(e, "reason") }), "");
        }
        Checks(text, Items(summary, "quality").ToList());
        Cost(text, summary);
        return text.ToString();
    }

    static void Checks(StringBuilder text, List<JsonObject> checks)
    {
        if (checks.Count == 0) return;
        var failed = checks.Where(c => Text(c, "status").Equals("failed", StringComparison.OrdinalIgnoreCase)).ToList();
        text.AppendLine();
        text.AppendLine($"**Checks:** {checks.Count(c => Text(c, "status") == "passed")} passed, {failed.Count} failed, " +
                        $"{checks.Count(c => Text(c, "status") == "info")} informational.");
        if (failed.Count > 0)
            Table(text, ["failed check", "violations", "first rows"], failed.Select(c => new[]
            {
                $"sql/quality/{Text(c, "check")}.sql", Number(c["violations"]),
                string.Join("<br>", (c["rows"] as JsonArray ?? []).Take(5).Select(r => Cell(r?.ToString() ?? ""))),
            }), "-:-", escaped: 2);
    }

    /// On the aws profile: the configured cluster's price (the run summary's "cost"), and Status's cost so far.
    static void Cost(StringBuilder text, JsonObject summary)
    {
        if (Text(summary, "profile") != "aws") return;
        var costs = new[] { ("cluster", summary["cost"]?["estimate"]), ("cost so far (Status)", summary["cluster_status"]?["CostSoFar"]) }
            .Where(c => c.Item2 is not null).Select(c => $"{c.Item1}: {Cell(c.Item2!.ToString())}").ToList();
        text.AppendLine();
        text.AppendLine(costs.Count > 0 ? $"**Cost** (AWS, on-demand): {string.Join("; ", costs)}"
                                        : "**Cost**: unknown (no price for this cluster in pricing/).");
    }

    static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows, string align, int escaped = -1)
    {
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Join("|", header.Select((_, i) => i < align.Length && align[i] == ':' ? "---:" : "---")) + "|");
        foreach (var row in rows)
            text.AppendLine("| " + string.Join(" | ", row.Select((cell, i) => i == escaped ? cell : Cell(cell))) + " |");
    }

    /// A value in a Markdown table cell: no line break, no column bar, no HTML.
    static string Cell(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");

    static string Mark(string status) => status switch
    {
        "succeeded" or "passed" => "✅", "failed" => "❌", "cancelled" => "⏹️", "skipped" => "⏭️", _ => "",
    };

    static string Number(JsonNode? node) => node is null ? "" : JsonNumber.Long(node).ToString("N0", CultureInfo.InvariantCulture);

    static IEnumerable<JsonObject> Items(JsonObject summary, string section) => (summary[section] as JsonArray ?? []).OfType<JsonObject>();

    static string Text(JsonObject json, string key) => json[key] is JsonValue value ? value.ToString() : "";

    /// A load's object counts (loads[].objects) as "added / changed / removed / unchanged"; empty without a ledger.
    static string Changes(JsonNode? objects) => objects is JsonObject o
        ? string.Join(" / ", new[] { "added", "changed", "removed", "unchanged" }.Select(k => Number(o[k])))
        : "";
}
