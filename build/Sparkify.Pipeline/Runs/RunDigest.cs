using System.Text;
using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Runs;

/// The end-of-run digest a person reads in five seconds: table row counts, load errors, checks. Cake prints the times.
public static class RunDigest
{
    public static string Format(IReadOnlyDictionary<string, long?> tables, JsonNode? loadErrors, JsonNode? quality, string summaryPath)
    {
        var text = new StringBuilder();
        var width = tables.Keys.Max(k => k.Length) + 2;
        text.AppendLine("Warehouse tables:");
        foreach (var (table, rows) in tables)
            text.AppendLine($"  {table.PadRight(width)}{(rows is null ? "(missing)" : rows.Value.ToString("N0")),12}");
        var errors = loadErrors is JsonArray array ? array.Count : 0;
        text.Append($"Load errors: {errors}");
        if (quality is JsonArray { Count: > 0 } checks)
        {
            int Count(string status) => checks.Count(c => c?["status"]?.GetValue<string>() == status);
            text.Append($" · Quality checks: {Count("passed")} passed, {Count("failed")} failed");
            if (Count("info") > 0) text.Append($", {Count("info")} informational");
        }
        text.AppendLine();
        text.Append($"Run summary: {summaryPath}");
        return text.ToString();
    }
}
