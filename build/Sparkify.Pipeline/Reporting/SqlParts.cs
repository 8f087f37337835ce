using System.Text.RegularExpressions;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// Reads shared parts into a query: <c>{{analytics/parts/NAME.sql}}</c> stands for that file of sql/, so a rule two
/// queries share (which staged copy a play was built from) is written once. One pass: a part holds no part.
/// </summary>
public static partial class SqlParts
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_./-]+\.sql)\s*\}\}")]
    private static partial Regex Placeholder();

    /// The text with every part read in; <paramref name="source"/> names the text when a part is missing.
    public static string Expand(string text, SqlFiles sql, string source) =>
        text.Contains("{{", StringComparison.Ordinal)
            ? Placeholder().Replace(text, m => File.Exists(Path.Combine(sql.Root, m.Groups[1].Value))
                ? sql.Read(m.Groups[1].Value).TrimEnd()
                : throw new PipelineException($"{source} names the part {m.Value}, but {Path.Combine(sql.Root, m.Groups[1].Value)} " +
                                              "does not exist; parts are named by their path under sql/"))
            : text;
}
