using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading.Json;

/// ValueConverter's JSON numbers: integers within their column's range, integral floats into integer columns,
/// decimals fitted to numeric(p,s), floats within real/double, and epoch numbers into timestamps (TIMEFORMAT 'epoch…').
public sealed partial class ValueConverter
{
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
}
