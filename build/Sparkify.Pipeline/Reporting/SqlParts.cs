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

    public static string Expand(string text, SqlFiles sql) =>
        text.Contains("{{", StringComparison.Ordinal)
            ? Placeholder().Replace(text, m => sql.Read(m.Groups[1].Value).TrimEnd())
            : text;
}
