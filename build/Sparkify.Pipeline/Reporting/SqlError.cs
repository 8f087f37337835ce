using Npgsql;

namespace Sparkify.Pipeline.Reporting;

/// The text of a failed query: PostgreSQL's own message, its SQLSTATE and position, with the line it points at.
public static class SqlError
{
    public static string Describe(PostgresException e, string sql, string source)
    {
        // The server's texts quote data (invalid input syntax for type integer: "…"): escaped, one line each.
        var lines = new List<string> { $"{source} failed: {e.Severity} {e.SqlState}: {LogText.Value(e.MessageText)}" + Where(e) };
        if (e.Detail is { Length: > 0 } detail) lines.Add($"  detail: {LogText.Value(detail)}");
        if (e.Hint is { Length: > 0 } hint) lines.Add($"  hint: {LogText.Value(hint)}");
        if (e.Position > 0 && IsOneStatement(sql)) lines.AddRange(Caret(sql, e.Position));
        if (e.SqlState == PostgresErrorCodes.UndefinedTable)
            lines.Add("  if the table should exist, load the warehouse first: ./build.sh Etl (or CreateTables) for this profile");
        return string.Join(Environment.NewLine, lines);
    }

    static string Where(PostgresException e) => e.Position > 0 ? $" (at character {e.Position})" : "";

    // PostgreSQL counts the position within the statement it ran; with several statements the count starts anew.
    static bool IsOneStatement(string sql) => !sql.TrimEnd().TrimEnd(';').Contains(';');

    /// The line holding the 1-based character position, and a caret under that character.
    static IEnumerable<string> Caret(string sql, int position)
    {
        var index = Math.Min(position - 1, sql.Length);
        var start = index == 0 ? 0 : sql.LastIndexOf('\n', index - 1) + 1;
        var end = sql.IndexOf('\n', index);
        var line = sql[start..(end < 0 ? sql.Length : end)].TrimEnd('\r');
        var column = index - start;
        yield return "  " + line.Replace('\t', ' ');
        yield return "  " + new string(' ', Math.Max(column, 0)) + "^";
    }
}
