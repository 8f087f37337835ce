namespace Sparkify.Pipeline.Reporting;

/// One result set, fully read: column names, which columns are numbers, and the rows as the driver returned them.
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<bool> Numeric, IReadOnlyList<object?[]> Rows)
{
    /// True when the result was cut at the row limit the caller asked for.
    public bool Truncated { get; init; }

    /// Rows a statement without a result set changed (-1 when it returned rows).
    public int RecordsAffected { get; init; } = -1;

    public int Index(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase)) return i;
        throw new PipelineException($"the query result has no column '{column}' (columns: {string.Join(", ", Columns)})");
    }

    public object? Value(int row, string column) => Rows[row][Index(column)];

    public double Number(int row, string column) => Value(row, column) is { } v and not DBNull ? Convert.ToDouble(v) : 0;

    public string Text(int row, string column) => CellText.Plain(Value(row, column));
}
