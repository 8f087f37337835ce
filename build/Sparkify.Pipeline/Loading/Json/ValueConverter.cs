using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sparkify.Pipeline.Loading.Dates;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// Puts one JSON value into one cell with COPY's JSON rules: null → NULL; strings into character columns (CharacterCell:
/// EMPTYASNULL, BLANKSASNULL, UTF-8 and ACCEPTINVCHARS, CHAR's single bytes, lengths); an empty string → NULL in other
/// columns; numeric strings into numeric columns; decimals fitted to numeric(p,s) (DecimalFit); floats within their
/// type's range (FloatRange); dates and timestamps per DATEFORMAT and TIMEFORMAT (DateCells; the epoch forms here, a
/// BIGINT keeps the number); an integral float
/// (1540344794796.0) into an integer column, but not 1.5; nested objects and arrays as their JSON text.
/// Text stays UTF-8 from the file to the COPY: no string is made per value. One per parser thread (its buffer).
/// </summary>
public sealed partial class ValueConverter(IReadOnlyList<TargetColumn> targets, CopyOptions options)
{
    // An array, not the interface: a column is looked up for every value.
    readonly TargetColumn[] columns = [.. targets];
    static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    readonly CharacterCell _characters = new(targets, options);
    readonly DatePattern? _date = (options.DateFormat ?? DateFormat.Default).Pattern;
    byte[] _unescaped = new byte[1024];

    /// Converts the scalar token the reader stands on; null when it went in.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValueError? Scalar(ref Utf8JsonReader reader, int column, RowBuilder row)
    {
        var target = columns[column];
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                row.SetNull(column);
                return null;
            case JsonTokenType.String when target.IsCharacter:
                try
                {
                    return Text(Unescaped(ref reader), column, row);
                }
                catch (InvalidOperationException)
                {
                    // An escape that makes no character ("\ud800" alone).
                    return new ValueError(ErrorCodes.InvalidUtf8, "String contains invalid or unsupported UTF-8 codepoints",
                        Encoding.UTF8.GetString(reader.ValueSpan));
                }
            case JsonTokenType.String:
                return reader.ValueIsEscaped || reader.ValueSpan.Length > 256
                    ? FromText(Encoding.UTF8.GetBytes(reader.GetString()!), target, column, row)
                    : FromText(reader.ValueSpan, target, column, row);
            case JsonTokenType.Number when target.IsCharacter:
                return Text(reader.ValueSpan, column, row);
            case JsonTokenType.Number:
                return FromNumber(ref reader, target, column, row);
            case JsonTokenType.True or JsonTokenType.False when target.Kind == ColumnKind.Boolean:
                row.SetLong(column, reader.TokenType == JsonTokenType.True ? 1 : 0);
                return null;
            case JsonTokenType.True or JsonTokenType.False when target.IsCharacter:
                return Text(reader.TokenType == JsonTokenType.True ? "true"u8 : "false"u8, column, row);
            default:
                return Invalid(target, Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    /// Whether an unescaped string of this many bytes converts from its raw bytes as the reader's token would (RawString).
    public bool TakesRawString(int column, int length) => columns[column].IsCharacter || length <= 256;

    /// An unescaped string's bytes (quotes removed) into the column: the string case of Scalar, without a reader.
    public ValueError? RawString(ReadOnlySpan<byte> value, int column, RowBuilder row) =>
        columns[column].IsCharacter ? Text(value, column, row) : FromText(value, columns[column], column, row);

    /// <summary>
    /// A valid JSON number token's bytes into the column, for the forms whose result is certain without a reader: text,
    /// a plain integer of up to 18 digits (what TryGetInt64 returns), a finite non-zero double (double.TryParse and
    /// the reader's TryGetDouble both round correctly). False leaves every other case to Scalar.
    /// </summary>
    public bool RawNumber(ReadOnlySpan<byte> raw, int column, RowBuilder row, out ValueError? error)
    {
        var target = columns[column];
        error = null;
        switch (target.Kind)
        {
            case ColumnKind.Text:
                error = Text(raw, column, row);
                return true;
            case ColumnKind.SmallInt or ColumnKind.Integer or ColumnKind.BigInt when PlainInteger(raw) is { } whole:
                error = Integer(whole, target, column, row, raw);
                return true;
            case ColumnKind.Real or ColumnKind.Double
                when Utf8Parser.TryParse(raw, out double f, out var used) && used == raw.Length && double.IsFinite(f) && f != 0:
                error = Float(f, target, column, row, raw);
                return true;
        }
        return false;
    }

    static long? PlainInteger(ReadOnlySpan<byte> raw)
    {
        var digits = raw.Length > 0 && raw[0] == '-' ? raw[1..] : raw;
        if (digits.IsEmpty || digits.Length > 18) return null;
        long value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9') return null;
            value = value * 10 + (b - '0');
        }
        return raw[0] == '-' ? -value : value;
    }

    /// <summary>
    /// An escaped string's bytes (quotes removed) into a character column when its escapes are the two-character ones
    /// (\" \\ \/ \b \f \n \r \t), which unescape to one byte each as the reader's CopyString does; false for \u escapes,
    /// anything malformed, or another column type (Scalar reads those).
    /// </summary>
    public bool EscapedText(ReadOnlySpan<byte> escaped, int column, RowBuilder row, out ValueError? error)
    {
        error = null;
        if (!columns[column].IsCharacter) return false;
        if (_unescaped.Length < escaped.Length) _unescaped = new byte[Math.Max(escaped.Length, 2 * _unescaped.Length)];
        // The plain runs between escapes are copied whole (a user agent has about eight escapes in 150 bytes).
        var length = 0;
        for (var rest = escaped; ;)
        {
            var slash = rest.IndexOf((byte)'\\');
            if (slash < 0)
            {
                rest.CopyTo(_unescaped.AsSpan(length));
                length += rest.Length;
                break;
            }
            rest[..slash].CopyTo(_unescaped.AsSpan(length));
            length += slash;
            if (slash + 1 >= rest.Length) return false;
            var b = rest[slash + 1] switch
            {
                (byte)'"' => (byte)'"', (byte)'\\' => (byte)'\\', (byte)'/' => (byte)'/', (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f', (byte)'n' => (byte)'\n', (byte)'r' => (byte)'\r', (byte)'t' => (byte)'\t', _ => (byte)0,
            };
            if (b == 0) return false;
            _unescaped[length++] = b;
            rest = rest[(slash + 2)..];
        }
        error = Text(_unescaped.AsSpan(0, length), column, row);
        return true;
    }

    /// A nested object or array: its JSON text into a character column, an error elsewhere.
    public ValueError? Container(ReadOnlySpan<byte> json, int column, RowBuilder row) =>
        columns[column].IsCharacter ? Text(json, column, row) : Invalid(columns[column], Encoding.UTF8.GetString(json));

    /// The string token's value as UTF-8: the bytes in the file, or its unescaped copy when it holds escapes.
    ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return reader.ValueSpan;
        // Unescaped text is never longer than its escaped form.
        if (_unescaped.Length < reader.ValueSpan.Length) _unescaped = new byte[Math.Max(reader.ValueSpan.Length, 2 * _unescaped.Length)];
        return _unescaped.AsSpan(0, reader.CopyString(_unescaped));
    }

    ValueError? Text(ReadOnlySpan<byte> utf8, int column, RowBuilder row) => _characters.Set(utf8, column, row);

    static ValueError OutOfRange(TargetColumn target, ReadOnlySpan<byte> raw) =>
        new(ErrorCodes.OutOfRange, $"Overflow, Value '{Encoding.UTF8.GetString(raw)}' is out of range for type {TypeName(target)}", Encoding.UTF8.GetString(raw));

    static ValueError Invalid(TargetColumn target, string raw) =>
        new(ErrorCodes.ForKind(target.Kind), $"Invalid value for type {TypeName(target)}: '{Shorten(raw)}'", raw);

    static string TypeName(TargetColumn t) => t.Kind.ToString().ToLowerInvariant();

    static string Shorten(string s) => s.Length <= 64 ? s : s[..61] + "...";
}
