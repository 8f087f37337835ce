using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// Puts one JSON value into one cell with COPY's JSON rules: null → NULL; strings into character columns (EMPTYASNULL,
/// BLANKSASNULL, TRUNCATECOLUMNS or a length error); an empty string → NULL in other columns; numeric strings into
/// numeric columns; numbers into TIMESTAMP per TIMEFORMAT (a BIGINT keeps the number); an integral float
/// (1540344794796.0) into an integer column, but not 1.5; nested objects and arrays as their JSON text.
/// One per parser thread: it holds the thread's TextCache.
/// </summary>
public sealed class ValueConverter(IReadOnlyList<TargetColumn> columns, CopyOptions options)
{
    static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    readonly TextCache _strings = new(columns.Count);

    /// Converts the scalar token the reader stands on; null when it went in.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValueError? Scalar(ref Utf8JsonReader reader, int column, RowBatch batch)
    {
        var target = columns[column];
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                batch.SetNull(column);
                return null;
            case JsonTokenType.String when target.IsCharacter:
                return Text(_strings.Get(ref reader, column), column, batch);
            case JsonTokenType.String:
                return reader.ValueIsEscaped || reader.ValueSpan.Length > 256
                    ? FromText(Encoding.UTF8.GetBytes(reader.GetString()!), target, column, batch)
                    : FromText(reader.ValueSpan, target, column, batch);
            case JsonTokenType.Number when target.IsCharacter:
                return Text(Encoding.UTF8.GetString(reader.ValueSpan), column, batch);
            case JsonTokenType.Number:
                return FromNumber(ref reader, target, column, batch);
            case JsonTokenType.True or JsonTokenType.False when target.Kind == ColumnKind.Boolean:
                batch.SetLong(column, reader.TokenType == JsonTokenType.True ? 1 : 0);
                return null;
            case JsonTokenType.True or JsonTokenType.False when target.IsCharacter:
                return Text(reader.TokenType == JsonTokenType.True ? "true" : "false", column, batch);
            default:
                return Invalid(target, Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    /// A nested object or array: its JSON text into a character column, an error elsewhere.
    public ValueError? Container(ReadOnlySpan<byte> json, int column, RowBatch batch)
    {
        var text = Encoding.UTF8.GetString(json);
        return columns[column].IsCharacter ? Text(text, column, batch) : Invalid(columns[column], text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    ValueError? Text(string value, int column, RowBatch batch)
    {
        if ((options.EmptyAsNull && value.Length == 0) || (options.BlanksAsNull && value.Length > 0 && string.IsNullOrWhiteSpace(value)))
        {
            batch.SetNull(column);
            return null;
        }
        if (columns[column].MaxLength is { } max && value.Length > max)
        {
            if (!options.TruncateColumns)
                return new ValueError(ErrorCodes.OutOfRange, $"String length exceeds DDL length ({value.Length} > {max})", value);
            value = value[..max];
        }
        batch.SetText(column, value);
        return null;
    }

    ValueError? FromText(ReadOnlySpan<byte> raw, TargetColumn target, int column, RowBatch batch)
    {
        var text = raw.Trim(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            batch.SetNull(column);
            return null;
        }
        var c = CultureInfo.InvariantCulture;
        switch (target.Kind)
        {
            case ColumnKind.SmallInt or ColumnKind.Integer or ColumnKind.BigInt:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, c, out var l)) return Integer(l, target, column, batch, text);
                if (double.TryParse(text, NumberStyles.Float, c, out var d)) return IntegralFloat(d, target, column, batch, text);
                break;
            case ColumnKind.Real or ColumnKind.Double when double.TryParse(text, NumberStyles.Float, c, out var f):
                return Float(f, target, column, batch, text);
            case ColumnKind.Numeric when decimal.TryParse(text, NumberStyles.Float, c, out var m):
                batch.SetDecimal(column, m);
                return null;
            case ColumnKind.Boolean when Bool(text) is { } b:
                batch.SetLong(column, b ? 1 : 0);
                return null;
            case ColumnKind.Timestamp or ColumnKind.TimestampTz:
                if (options.TimeFormat != TimeFormat.Auto && double.TryParse(text, NumberStyles.Float, c, out var epoch))
                    return Epoch(epoch, target, column, batch, text);
                if (options.TimeFormat == TimeFormat.Auto &&
                    DateTime.TryParse(Encoding.UTF8.GetString(text), c, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var ts))
                {
                    batch.SetLong(column, ts.Ticks);
                    return null;
                }
                break;
            case ColumnKind.Date when DateOnly.TryParse(Encoding.UTF8.GetString(text), c, out var day):
                batch.SetLong(column, day.DayNumber);
                return null;
        }
        return Invalid(target, Encoding.UTF8.GetString(raw));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    ValueError? FromNumber(ref Utf8JsonReader reader, TargetColumn target, int column, RowBatch batch)
    {
        var raw = reader.ValueSpan;
        switch (target.Kind)
        {
            case ColumnKind.SmallInt or ColumnKind.Integer or ColumnKind.BigInt:
                return reader.TryGetInt64(out var l) ? Integer(l, target, column, batch, raw)
                    : reader.TryGetDouble(out var d) ? IntegralFloat(d, target, column, batch, raw)
                    : Invalid(target, Encoding.UTF8.GetString(raw));
            case ColumnKind.Real or ColumnKind.Double when reader.TryGetDouble(out var f):
                return Float(f, target, column, batch, raw);
            case ColumnKind.Numeric when reader.TryGetDecimal(out var m):
                batch.SetDecimal(column, m);
                return null;
            case ColumnKind.Boolean when reader.TryGetInt32(out var b) && b is 0 or 1:
                batch.SetLong(column, b);
                return null;
            case ColumnKind.Timestamp or ColumnKind.TimestampTz when options.TimeFormat != TimeFormat.Auto && reader.TryGetDouble(out var epoch):
                return Epoch(epoch, target, column, batch, raw);
        }
        return Invalid(target, Encoding.UTF8.GetString(raw));
    }

    static ValueError? Integer(long value, TargetColumn target, int column, RowBatch batch, ReadOnlySpan<byte> raw)
    {
        var (min, max) = target.Kind switch
        {
            ColumnKind.SmallInt => (short.MinValue, short.MaxValue),
            ColumnKind.Integer => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        if (value < min || value > max) return OutOfRange(target, raw);
        batch.SetLong(column, value);
        return null;
    }

    /// 1540344794796.0 is a whole number and fits; 1.5 does not (Redshift: "Invalid digit").
    static ValueError? IntegralFloat(double value, TargetColumn target, int column, RowBatch batch, ReadOnlySpan<byte> raw)
    {
        if (value != Math.Floor(value) || double.IsInfinity(value)) return Invalid(target, Encoding.UTF8.GetString(raw));
        if (value < -9.2233720368547758E18 || value >= 9.2233720368547758E18) return OutOfRange(target, raw);
        return Integer((long)value, target, column, batch, raw);
    }

    static ValueError? Float(double value, TargetColumn target, int column, RowBatch batch, ReadOnlySpan<byte> raw)
    {
        if (target.Kind == ColumnKind.Real && double.IsFinite(value) && Math.Abs(value) > float.MaxValue) return OutOfRange(target, raw);
        batch.SetDouble(column, value);
        return null;
    }

    ValueError? Epoch(double value, TargetColumn target, int column, RowBatch batch, ReadOnlySpan<byte> raw)
    {
        var unit = options.TimeFormat == TimeFormat.EpochSecs ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMillisecond;
        var ticks = value * unit;
        if (!double.IsFinite(ticks) || ticks < -EpochTicks || ticks > DateTime.MaxValue.Ticks - EpochTicks) return OutOfRange(target, raw);
        // Whole numbers multiply exactly in integers: a double of 1.5e16 ticks would be off by up to two ticks.
        batch.SetLong(column, EpochTicks + (value == Math.Floor(value) ? (long)value * unit : (long)Math.Round(ticks)));
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
