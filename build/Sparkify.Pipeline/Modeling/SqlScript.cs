using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// A transform file cut into its statements (each ends with ';' at the end of a line; the last may omit it),
/// each tagged with the table it writes and how, so the row counts Npgsql returns can be reported per table.
/// </summary>
public static partial class SqlScript
{
    public static IReadOnlyList<SqlStatement> Split(string path, string text)
    {
        var statements = new List<SqlStatement>();
        foreach (var chunk in StatementEnd().Split(text))
        {
            var body = string.Join("\n", chunk.Split('\n').Where(l => !l.TrimStart().StartsWith("--"))).Trim();
            if (body.Length == 0) continue;
            if (body.Contains(';'))
                throw new PipelineException($"{path}: a ';' inside a statement; end each statement with ';' at the end of its line");
            var write = Write().Match(body);
            statements.Add(write.Success
                ? new SqlStatement(path, body, write.Groups["table"].Value, Kind(write.Groups["verb"].Value))
                : new SqlStatement(path, body, null, null));
        }
        return statements;
    }

    static string Kind(string verb) => verb.StartsWith("insert") ? "inserted" : verb.StartsWith("update") ? "updated" : "deleted";

    [GeneratedRegex(@";[ \t]*(\r?\n|$)")]
    private static partial Regex StatementEnd();

    [GeneratedRegex(@"^(?<verb>insert\s+into|update|delete\s+from)\s+(?<table>[a-z_][a-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Write();
}
