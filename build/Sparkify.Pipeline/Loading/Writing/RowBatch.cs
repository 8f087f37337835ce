namespace Sparkify.Pipeline.Loading.Writing;

/// <summary>
/// A block of parsed rows handed from a parser thread to the table's writer. Values live in typed arrays (one slot
/// per cell), so a row costs no allocation beyond its strings; batches are pooled and reused.
/// </summary>
public sealed class RowBatch
{
    public const int Capacity = 2048;

    readonly int _columns;

    public RowBatch(int columns)
    {
        _columns = columns;
        var cells = columns * Capacity;
        Null = new bool[cells];
        Longs = new long[cells];
        Doubles = new double[cells];
        Strings = new string?[cells];
    }

    public int Count { get; private set; }
    public bool IsFull => Count == Capacity;
    public bool[] Null { get; }
    public long[] Longs { get; }
    public double[] Doubles { get; }
    public string?[] Strings { get; }
    public decimal[]? Decimals { get; private set; }

    int Cell(int column) => Count * _columns + column;

    /// Starts the next row with every cell NULL (a missing key is NULL).
    public void BeginRow() => Null.AsSpan(Count * _columns, _columns).Fill(true);

    public void CommitRow() => Count++;

    public void SetText(int column, string value) { var i = Cell(column); Strings[i] = value; Null[i] = false; }
    public void SetLong(int column, long value) { var i = Cell(column); Longs[i] = value; Null[i] = false; }
    public void SetDouble(int column, double value) { var i = Cell(column); Doubles[i] = value; Null[i] = false; }

    public void SetDecimal(int column, decimal value)
    {
        Decimals ??= new decimal[Null.Length];
        var i = Cell(column);
        Decimals[i] = value;
        Null[i] = false;
    }

    public void SetNull(int column) => Null[Cell(column)] = true;

    /// Empties the batch for reuse, dropping its string references.
    public void Clear()
    {
        Array.Clear(Strings, 0, Count * _columns);
        Count = 0;
    }
}
