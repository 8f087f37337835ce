using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Telemetry;

/// <summary>
/// The annotations a CI run shows beside the code: ::error for each failed check (at its sql/quality file and the
/// first line of its query) and each failed target; a rejected row of a load (at its S3 key and line) is an
/// ::error when the load failed, else a ::warning (MAXERROR let it through). GitHub shows at most 10 of each level
/// per step, so past 10 the tenth says how many more there are.
/// </summary>
public static class CiAnnotations
{
    public const int PerLevel = 10;

    /// <paramref name="root"/>: the checkout, to find the line a check's query starts on.
    public static IReadOnlyList<CiAnnotation> From(JsonObject summary, string root)
    {
        var targets = (summary["targets"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        bool Failed(string name) => targets.Any(t => Text(t, "name") == name && Text(t, "status") == "failed");
        var all = new List<CiAnnotation>();
        foreach (var check in Items(summary, "quality").Where(c => Text(c, "status").Equals("failed", StringComparison.OrdinalIgnoreCase)))
        {
            var file = $"sql/quality/{Text(check, "check")}.sql";
            var rows = (check["rows"] as JsonArray ?? []).Select(r => r?.ToString()).Take(3);
            var count = JsonNumber.Long(check["violations"]);
            all.Add(new CiAnnotation(true, $"{count:N0} offending {(count == 1 ? "row" : "rows")}; first: {string.Join("; ", rows)}",
                $"check {Text(check, "check")} failed", file, QueryLine(Path.Combine(root, file))));
        }
        var loadFailed = Failed("StageCopy");
        var rejected = Items(summary, "loads").Sum(l => JsonNumber.Long(l["rejected"]));
        var listed = Items(summary, "load_errors").ToList();
        foreach (var error in listed)
            all.Add(new CiAnnotation(loadFailed, RejectMessage(error), $"rejected row in {Text(error, "table")}", Text(error, "file"),
                error["line"] is null ? null : (int)JsonNumber.Long(error["line"])));
        // A failed target not already explained by its checks or rejected rows (a connection lost, a bad setting).
        var explained = new HashSet<string>();
        if (all.Any(a => a.File?.StartsWith("sql/quality/", StringComparison.Ordinal) == true)) explained.Add("Verify");
        if (listed.Count > 0) explained.Add("StageCopy");
        foreach (var target in targets.Where(t => Text(t, "status") == "failed" && !explained.Contains(Text(t, "name"))))
            all.Add(new CiAnnotation(true, $"{Text(target, "name")} failed; its error is in the log", $"{Text(target, "name")} failed"));
        // load_errors lists the first 100 rejected rows; the loads' counts have them all.
        var unlisted = (int)Math.Max(0, rejected - listed.Count);
        return [..Capped(all.Where(a => a.IsError).ToList(), loadFailed ? unlisted : 0, true),
                ..Capped(all.Where(a => !a.IsError).ToList(), loadFailed ? 0 : unlisted, false)];
    }

    static IEnumerable<CiAnnotation> Capped(List<CiAnnotation> level, int unlisted, bool isError)
    {
        var total = level.Count + unlisted;
        if (total <= PerLevel) return level;
        var shown = level.Take(PerLevel - 1).ToList();
        var more = total - shown.Count;
        shown.Add(new CiAnnotation(isError, $"{more} more {(isError ? "errors" : "warnings")} not annotated: the step summary and " +
                                            "the run record (artifacts/runs/) list them", $"and {more} more"));
        return shown;
    }

    /// "staging_events: column ts value 'x': Invalid timestamp format (code 1206)"; column and value only when known.
    static string RejectMessage(JsonObject error)
    {
        var column = Text(error, "column") is { Length: > 0 } c ? $" column {c} value '{Text(error, "value")}'" : "";
        return $"{Text(error, "table")}:{column}: {Text(error, "reason")} (code {Text(error, "code")})";
    }

    /// The first line of the query under the check's header comments (1 when the file cannot be read).
    static int QueryLine(string path)
    {
        if (!File.Exists(path)) return 1;
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--"));
        return index < 0 ? 1 : index + 1;
    }

    static IEnumerable<JsonObject> Items(JsonObject summary, string section) => (summary[section] as JsonArray ?? []).OfType<JsonObject>();

    static string Text(JsonObject json, string key) => json[key]?.ToString() ?? "";
}
