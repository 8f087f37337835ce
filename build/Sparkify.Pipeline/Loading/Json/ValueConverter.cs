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
public sealed class ValueConverter(IReadOnlyList<TargetColumn> targets, CopyOptions options)
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
        var length = 0;
        for (var i = 0; i < escaped.Length; i++)
        {
            var b = escaped[i];
            if (b == '\\')
            {
                if (++i >= escaped.Length) return false;
                b = escaped[i] switch
                {
                    (byte)'"' => (byte)'"', (byte)'\\' => (byte)'\\', (byte)'/' => (byte)'/', (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f', (byte)'n' => (byte)'\n', (byte)'r' => (byte)'\r', (byte)'t' => (byte)'\t', _ => (byte)0,
                };
                if (b == 0) return false;
            }
            _unescaped[length++] = b;
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

    ValueError? FromText(ReadOnlySpan<byte> raw, TargetColumn target, int column, RowBuilder row)
    {
        var text = raw.Trim(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            row.SetNull(column);
            return null;
        }
        // .NET's number parsing skips trailing NUL characters ("1\u0000" would read as 1): no value holds a NUL.
        if (text.Contains((byte)0)) return Invalid(target, Encoding.UTF8.GetString(raw));
        var c = CultureInfo.InvariantCulture;
        switch (target.Kind)
        {
            case ColumnKind.SmallInt or ColumnKind.Integer or ColumnKind.BigInt:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, c, out var l)) return Integer(l, target, column, row, text);
                if (double.TryParse(text, NumberStyles.Float, c, out var d)) return IntegralFloat(d, target, column, row, text);
                break;
            case ColumnKind.Real or ColumnKind.Double when double.TryParse(text, NumberStyles.Float, c, out var f):
                return Float(f, target, column, row, text);
            case ColumnKind.Numeric when decimal.TryParse(text, NumberStyles.Float, c, out var m):
                return Decimal(m, target, column, row, raw);
            case ColumnKind.Boolean when Bool(text) is { } b:
                row.SetLong(column, b ? 1 : 0);
                return null;
            case ColumnKind.Timestamp or ColumnKind.TimestampTz when options.TimeFormat.IsEpoch:
                if (double.TryParse(text, NumberStyles.Float, c, out var epoch)) return Epoch(epoch, target, column, row, text);
                break;
            case ColumnKind.Timestamp or ColumnKind.TimestampTz or ColumnKind.Date:
                return Dated(text, target, column, row);
        }
        return Invalid(target, Encoding.UTF8.GetString(raw));
    }

    /// DATEFORMAT for a DATE, TIMEFORMAT ('auto' or a format string) for a TIMESTAMP; a number is read as its text.
    ValueError? Dated(ReadOnlySpan<byte> text, TargetColumn target, int column, RowBuilder row)
    {
        if (target.Kind == ColumnKind.Date)
        {
            if (!DateCells.TryDate(text, _date, out var day)) return Invalid(target, Encoding.UTF8.GetString(text));
            row.SetLong(column, day);
            return null;
        }
        if (!DateCells.TryTimestamp(text, options.TimeFormat.Pattern, target.Kind == ColumnKind.TimestampTz, out var ticks))
            return Invalid(target, Encoding.UTF8.GetString(text));
        row.SetLong(column, ticks);
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    ValueError? FromNumber(ref Utf8JsonReader reader, TargetColumn target, int column, RowBuilder row)
    {
        var raw = reader.ValueSpan;
        switch (target.Kind)
        {
            case ColumnKind.SmallInt or ColumnKind.Integer or ColumnKind.BigInt:
                return reader.TryGetInt64(out var l) ? Integer(l, target, column, row, raw)
                    : reader.TryGetDouble(out var d) ? IntegralFloat(d, target, column, row, raw)
                    : Invalid(target, Encoding.UTF8.GetString(raw));
            case ColumnKind.Real or ColumnKind.Double when reader.TryGetDouble(out var f):
                return Float(f, target, column, row, raw);
            case ColumnKind.Numeric when reader.TryGetDecimal(out var m):
                return Decimal(m, target, column, row, raw);
            case ColumnKind.Boolean when reader.TryGetInt32(out var b) && b is 0 or 1:
                row.SetLong(column, b);
                return null;
            case ColumnKind.Timestamp or ColumnKind.TimestampTz when options.TimeFormat.IsEpoch && reader.TryGetDouble(out var epoch):
                return Epoch(epoch, target, column, row, raw);
            case ColumnKind.Timestamp or ColumnKind.TimestampTz or ColumnKind.Date when !options.TimeFormat.IsEpoch || target.Kind == ColumnKind.Date:
                return Dated(raw, target, column, row);
        }
        return Invalid(target, Encoding.UTF8.GetString(raw));
    }

    static ValueError? Integer(long value, TargetColumn target, int column, RowBuilder row, ReadOnlySpan<byte> raw)
    {
        var (min, max) = target.Kind switch
        {
            ColumnKind.SmallInt => (short.MinValue, short.MaxValue),
            ColumnKind.Integer => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        if (value < min || value > max) return OutOfRange(target, raw);
        row.SetLong(column, value);
        return null;
    }

    /// 1540344794796.0 is a whole number and fits; 1.5 does not (Redshift: "Invalid digit").
    static ValueError? IntegralFloat(double value, TargetColumn target, int column, RowBuilder row, ReadOnlySpan<byte> raw)
    {
        if (value != Math.Floor(value) || double.IsInfinity(value)) return Invalid(target, Encoding.UTF8.GetString(raw));
        if (value < -9.2233720368547758E18 || value >= 9.2233720368547758E18) return OutOfRange(target, raw);
        return Integer((long)value, target, column, row, raw);
    }

    /// Fitted to the column's scale (truncated, or rounded with ROUNDEC); too many integer digits is out of range.
    ValueError? Decimal(decimal value, TargetColumn target, int column, RowBuilder row, ReadOnlySpan<byte> raw)
    {
        if (DecimalFit.Fit(value, target, options.RoundDecimals) is not { } fitted) return OutOfRange(target, raw);
        row.SetDecimal(column, fitted);
        return null;
    }

    static ValueError? Float(double value, TargetColumn target, int column, RowBuilder row, ReadOnlySpan<byte> raw)
    {
        if (!FloatRange.Fits(value, target.Kind == ColumnKind.Real, raw)) return OutOfRange(target, raw);
        row.SetDouble(column, value);
        return null;
    }

    ValueError? Epoch(double value, TargetColumn target, int column, RowBuilder row, ReadOnlySpan<byte> raw)
    {
        var unit = options.TimeFormat.Kind == TimeFormatKind.EpochSecs ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMillisecond;
        var ticks = value * unit;
        if (!double.IsFinite(ticks) || ticks < -EpochTicks || ticks > DateTime.MaxValue.Ticks - EpochTicks) return OutOfRange(target, raw);
        // Whole numbers multiply exactly in integers: a double of 1.5e16 ticks would be off by up to two ticks.
        row.SetLong(column, EpochTicks + (value == Math.Floor(value) ? (long)value * unit : (long)Math.Round(ticks)));
        return null;
    }

    static bool? Bool(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text).ToLowerInvariant() switch
    {
        "true" or "t" or "1" or "yes" or "y" => true,
        "false" or "f" or "0" or "no" or "n" => false,
        _ => null,
    };

    static ValueError OutOfRange(TargetColumn target, ReadOnlySpan<byte> raw) =>
        new(ErrorCodes.OutOfRange, $"Overflow, Value '{Encoding.UTF8.GetString(raw)}' is out of range for type {TypeName(target)}", Encoding.UTF8.GetString(raw));

    static ValueError Invalid(TargetColumn target, string raw) =>
        new(ErrorCodes.ForKind(target.Kind), $"Invalid value for type {TypeName(target)}: '{Shorten(raw)}'", raw);

    static string TypeName(TargetColumn t) => t.Kind.ToString().ToLowerInvariant();

    static string Shorten(string s) => s.Length <= 64 ? s : s[..61] + "...";
}
