namespace Sparkify.Pipeline.Reporting;

/// A result set as an aligned plain-text table, as psql prints it: numbers right-aligned, NULL spelled out.
public static class TextTable
{
    public static IReadOnlyList<string> Format(QueryResult result)
    {
        if (result.Columns.Count == 0)
            return [result.RecordsAffected >= 0 ? $"OK ({result.RecordsAffected} rows affected)" : "OK"];
        var cells = result.Rows.Select(row => row.Select(v => v is null or DBNull ? "NULL" : OneLine(CellText.Plain(v))).ToArray()).ToList();
        var widths = result.Columns.Select((c, i) => cells.Select(r => r[i].Length).Append(c.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> values) => string.Join(" | ",
            values.Select((v, i) => result.Numeric[i] ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd();
        var lines = new List<string>
        {
            Line(result.Columns),
            string.Join("-+-", widths.Select(w => new string('-', w))),
        };
        lines.AddRange(cells.Select(Line));
        var count = result.Rows.Count == 1 ? "(1 row)" : $"({result.Rows.Count} rows)";
        lines.Add(result.Truncated ? $"(first {result.Rows.Count} rows shown; raise --max-rows or add a limit)" : count);
        return lines;
    }

    // A value stays on its line: a newline, tab or escape inside it is printed escaped (\n, \t, \e), never raw.
    static string OneLine(string text) => LogText.Value(text);
}
