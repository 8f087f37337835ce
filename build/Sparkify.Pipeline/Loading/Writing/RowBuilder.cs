using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Sparkify.Pipeline.Loading.Writing;

/// <summary>
/// One parser thread's row under construction, each cell already in PostgreSQL's binary COPY form. Members arrive in
/// any order and a row may still be rejected, so cells collect here and go to a batch, in column order, only once
/// the whole record converted. Encoding on the parser threads leaves the single writer nothing but byte copies.
/// </summary>
public sealed class RowBuilder
{
    static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1).Ticks;
    static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;

    readonly ColumnKind[] _kinds;
    readonly bool _objectId;
    readonly int _tsColumn;
    readonly int[] _start;
    readonly int[] _length;
    byte[] _cells = new byte[4096];
    int _used;

    /// withObjectId: every row ends with one more field, the bigint <see cref="ObjectId"/> (the ledger's object_id);
    /// tsColumn: the bigint column whose lowest and highest value <see cref="Tally"/> keeps (-1: none).
    public RowBuilder(IReadOnlyList<TargetColumn> columns, bool withObjectId = false, int tsColumn = -1)
    {
        _objectId = withObjectId;
        _tsColumn = tsColumn;
        _kinds = columns.Select(c => c.Kind).ToArray();
        _start = new int[_kinds.Length];
        _length = new int[_kinds.Length];
    }

    /// The object the next rows come from: one constant 8-byte field appended to each (no per-row work beyond it).
    public long ObjectId { get; set; }

    /// The rows appended since the object started (and their ts range), for its ledger entry.
    public ObjectTally Tally { get; } = new();

    /// Starts the next row with every cell NULL (a missing key is NULL).
    public void BeginRow()
    {
        _length.AsSpan().Fill(-1);
        _used = 0;
    }

    public void SetNull(int column) => _length[column] = -1;

    /// UTF-8 text, already checked against the column (length, EMPTYASNULL…) by the converter.
    public void SetText(int column, ReadOnlySpan<byte> utf8) => utf8.CopyTo(Cell(column, utf8.Length));

    /// An integer cell (smallint, integer, bigint), a boolean (0/1), a timestamp in DateTime ticks or a date as a day number.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetLong(int column, long value)
    {
        switch (_kinds[column])
        {
            case ColumnKind.SmallInt: BinaryPrimitives.WriteInt16BigEndian(Cell(column, 2), (short)value); break;
            case ColumnKind.Integer: BinaryPrimitives.WriteInt32BigEndian(Cell(column, 4), (int)value); break;
            case ColumnKind.Boolean: Cell(column, 1)[0] = value != 0 ? (byte)1 : (byte)0; break;
            case ColumnKind.Date: BinaryPrimitives.WriteInt32BigEndian(Cell(column, 4), (int)value - PostgresEpochDay); break;
            // PostgreSQL counts microseconds from 2000-01-01; ticks are 100 ns (truncated toward zero, as Npgsql does).
            case ColumnKind.Timestamp or ColumnKind.TimestampTz:
                BinaryPrimitives.WriteInt64BigEndian(Cell(column, 8), (value - PostgresEpochTicks) / 10); break;
            default: BinaryPrimitives.WriteInt64BigEndian(Cell(column, 8), value); break;
        }
    }

    public void SetDouble(int column, double value)
    {
        if (_kinds[column] == ColumnKind.Real) BinaryPrimitives.WriteSingleBigEndian(Cell(column, 4), (float)value);
        else BinaryPrimitives.WriteDoubleBigEndian(Cell(column, 8), value);
    }

    public void SetDecimal(int column, decimal value)
    {
        Span<byte> scratch = stackalloc byte[NumericEncoding.MaxBytes];
        var n = NumericEncoding.Write(value, scratch);
        scratch[..n].CopyTo(Cell(column, n));
    }

    /// Appends the finished row as one binary COPY tuple: the field count, then each field's length and bytes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendTo(CopyBatch batch)
    {
        var fields = _kinds.Length;
        var size = 2 + 4 * fields + _used + (_objectId ? 12 : 0);
        var target = batch.Reserve(size);
        BinaryPrimitives.WriteInt16BigEndian(target, (short)(_objectId ? fields + 1 : fields));
        var at = 2;
        for (var c = 0; c < fields; c++)
        {
            var length = _length[c];
            BinaryPrimitives.WriteInt32BigEndian(target[at..], length);
            at += 4;
            if (length <= 0) continue;
            _cells.AsSpan(_start[c], length).CopyTo(target[at..]);
            at += length;
        }
        if (_objectId)
        {
            BinaryPrimitives.WriteInt32BigEndian(target[at..], 8);
            BinaryPrimitives.WriteInt64BigEndian(target[(at + 4)..], ObjectId);
            at += 12;
        }
        batch.Commit(at);
        Tally.Row();
        if (_tsColumn >= 0 && _length[_tsColumn] == 8) Tally.Ts(BinaryPrimitives.ReadInt64BigEndian(_cells.AsSpan(_start[_tsColumn], 8)));
    }

    /// Room for one cell at the end of the row; a member given twice takes its last value, as 'auto' COPY does.
    Span<byte> Cell(int column, int length)
    {
        if (_used + length > _cells.Length) Array.Resize(ref _cells, Math.Max(_cells.Length * 2, _used + length));
        _start[column] = _used;
        _length[column] = length;
        _used += length;
        return _cells.AsSpan(_used - length, length);
    }
}
