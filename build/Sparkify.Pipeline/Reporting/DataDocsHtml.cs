using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Lineage;

using static Sparkify.Pipeline.Reporting.DocsHtml;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// The data docs as HTML sections after the analytics: Checks, Trends, Loads, Runs, Lineage, Schema. Each says where its
/// figures come from; every value is HTML-escaped.
/// </summary>
public static class DataDocsHtml
{
    public static readonly IReadOnlyList<(string Anchor, string Title)> Sections =
        [("checks", "Checks"), ("trends", "Trends"), ("loads", "Loads"), ("runs", "Runs"), ("lineage", "Lineage"), ("schema", "Schema")];

    public const int FirstLoadErrors = 10;

    public static void Render(StringBuilder html, DataDocs docs)
    {
        ChecksHtml.Render(html, docs);
        TrendsHtml.Render(html, docs);
        Loads(html, docs);
        Runs(html, docs);
        LineageSection(html, docs);
        Schema(html, docs);
    }

    static void Loads(StringBuilder html, DataDocs docs)
    {
        Open(html, "loads", "Loads", "What StageCopy loaded per staging table, and the first records it rejected.");
        var rows = docs.Run.Array("loads").OfType<JsonObject>().Select(l => new[]
        {
            S(l["table"]), N(l["rows"]), N(l["objects_listed"]), N(l["objects"]?["added"]), N(l["objects"]?["changed"]), N(l["objects"]?["removed"]),
            N(l["objects"]?["unchanged"]), N(l["bytes"]), N(l["rejected"]), S(l["seconds"]),
        }).ToList();
        Table(html, ["table", "rows", "objects listed", "added", "changed", "removed", "unchanged", "bytes", "rejected", "seconds"],
            [false, true, true, true, true, true, true, true, true, true], rows);
        var errors = docs.Run.Array("load_errors").OfType<JsonObject>().ToList();
        html.AppendLine($"<h3>Load errors ({errors.Count.ToString("N0", CultureInfo.InvariantCulture)})</h3>");
        Table(html, ["table", "file", "line", "column", "value", "code", "reason"], [false, false, true, false, false, true, false],
            errors.Take(FirstLoadErrors).Select(e => new[]
                { S(e["table"]), S(e["file"]), S(e["line"]), S(e["column"]), S(e["value"]), S(e["code"]), S(e["reason"]) }).ToList());
        Source(html, $"loads and load_errors of the run summary ({docs.Run.Source})");
    }

    static void Runs(StringBuilder html, DataDocs docs)
    {
        Open(html, "runs", "Runs", "The latest rows of etl_runs, newest first: what each target did, over which window, how it ended.");
        if (docs.Runs is not { } runs) html.AppendLine($"<p class=\"empty\">{E(docs.RunsError ?? "No runs.")}</p>");
        else
        {
            var shown = runs.Columns.Where(c => c is not ("finished_at" or "counts" or "detail")).ToList();
            var has = (string c) => runs.Columns.Contains(c);
            var headings = shown.Concat(["duration_s", "counts"]).ToArray();
            var rows = Enumerable.Range(0, runs.Rows.Count).Select(r => shown.Select(c => Cell(runs.Value(r, c)))
                .Append(has("started_at") && has("finished_at") && runs.Value(r, "started_at") is DateTime s && runs.Value(r, "finished_at") is DateTime f
                    ? (f - s).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) : "—")
                .Append(has("counts") ? Flatten(runs.Value(r, "counts")) : "—").ToArray()).ToList();
            Table(html, headings, headings.Select(h => h == "duration_s").ToArray(), rows, statusColumn: Array.IndexOf(headings, "status"));
        }
        Source(html, DataDocs.RunsSql);
    }

    static void LineageSection(StringBuilder html, DataDocs docs)
    {
        Open(html, "lineage", "Lineage", "Where this run's data came from and went: S3 source prefixes (objects loaded) -> staging tables -> star tables (rows now).");
        (string, string) Label(string node) => node is DataFlow.LogData or DataFlow.SongData
            ? (docs.Run.Names?.Display(node) ?? node, docs.Run.Load(DataFlow.StagingOf(node))?["objects_listed"] is { } o ? $"{N(o)} objects" : "objects: not loaded in this run")
            : (node, docs.Rows.TryGetValue(node, out var rows) && rows is { } n ? $"{n.ToString("N0", CultureInfo.InvariantCulture)} rows" : "missing");
        html.AppendLine($"<figure>{LineageSvg.Render(Label)}</figure>");
        var nodes = new[] { DataFlow.LogData, DataFlow.SongData }.Concat(DataFlow.Staging).Concat(DataFlow.Star);
        Table(html, ["node", "dataset", "count"], [false, false, true], nodes.Select(n =>
        {
            var (_, count) = Label(n);
            return new[] { n, docs.Run.Names?.Display(n) ?? "—", count };
        }).ToList());
        Source(html, $"loads of the run summary ({docs.Run.Source}); row counts of the warehouse now; OpenLineage events in artifacts/lineage/");
    }

    static void Schema(StringBuilder html, DataDocs docs)
    {
        Open(html, "schema", "Schema", "Every table: its grain and reason from the header of its DDL file, its columns, types and keys.");
        foreach (var t in docs.Tables)
        {
            html.AppendLine($"<h3 id=\"table-{E(t.Name)}\">{E(t.Name)}</h3>");
            if (t.Header.Length > 0) html.AppendLine($"<p class=\"reading\">{E(t.Header)}</p>");
            Table(html, ["column", "type", "nullable", "keys"], [false, false, false, false],
                t.Columns.Select(c => new[] { c.Name, c.Type, c.Nullable ? "yes" : "no", c.Keys.Length > 0 ? c.Keys : "—" }).ToList());
            html.AppendLine($"<p class=\"source\">{E(t.DdlPath)}</p>");
        }
        Source(html, $"{DataDocs.ColumnsSql}, {DataDocs.KeysSql}");
    }

    /// etl_runs.counts is JSON text: shown as path=value pairs, cut at 300 characters.
    static string Flatten(object? value)
    {
        if (value is not string text || text.Length == 0) return "—";
        JsonNode? node;
        try { node = JsonNode.Parse(text); }
        catch (System.Text.Json.JsonException) { return text.Length > 300 ? text[..300] + "…" : text; }
        var pairs = new List<string>();
        void Walk(JsonNode? n, string path)
        {
            if (n is JsonObject o) foreach (var (k, v) in o) Walk(v, path.Length == 0 ? k : $"{path}.{k}");
            else pairs.Add($"{path}={n?.ToJsonString() ?? "null"}");
        }
        Walk(node, "");
        var flat = string.Join(", ", pairs);
        return flat.Length > 300 ? flat[..300] + "…" : flat;
    }
}
