using System.Globalization;
using System.Text;
using Sparkify.Pipeline.Loading.Dates;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading.Json;

/// ValueConverter's strings into non-character columns: trimmed, empty → NULL, then read as the column's type
/// (numbers, booleans' words, epoch numbers, DATEFORMAT and TIMEFORMAT).
public sealed partial class ValueConverter
{
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

    static bool? Bool(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text).ToLowerInvariant() switch
    {
        "true" or "t" or "1" or "yes" or "y" => true,
        "false" or "f" or "0" or "no" or "n" => false,
        _ => null,
    };
}
