using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// One file of sql/analytics: its name without number and extension, its file name, the question its first line asks, its SQL.
public sealed record AnalyticsQuery(string Name, string FileName, string Question, string Sql)
{
    public const string Folder = "analytics";

    /// Every query of sql/analytics in file order; a file without a question on its first line is refused.
    public static IReadOnlyList<AnalyticsQuery> LoadAll(SqlFiles sql) =>
        sql.List(Folder).Select(path => Parse(path, sql.Read(path))).ToList();

    public static AnalyticsQuery Parse(string path, string text)
    {
        var first = text.Split('\n', 2)[0].Trim();
        if (!first.StartsWith("--", StringComparison.Ordinal) || !first.EndsWith('?'))
            throw new PipelineException($"sql/{path} must start with a comment line asking the question it answers (\"-- Which …?\")");
        var stem = Path.GetFileNameWithoutExtension(path);
        var name = stem.Length > 3 && char.IsDigit(stem[0]) && stem.IndexOf('_') is var u and > 0 ? stem[(u + 1)..] : stem;
        return new AnalyticsQuery(name, Path.GetFileName(path), first[2..].Trim(), text);
    }
}
