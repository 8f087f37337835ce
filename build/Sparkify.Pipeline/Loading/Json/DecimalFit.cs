namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// A decimal fitted to its numeric(p,s) column as Redshift's COPY fits it: more decimals than the scale are cut off
/// (20.259 -> 20.25 in numeric(8,2)), or rounded half away from zero with ROUNDEC (20.26), the way INSERT rounds
/// (Database Developer Guide, "Data conversion parameters", ROUNDEC). More integer digits than p - s is out of range.
/// A DECIMAL of up to 19 digits of precision is stored as an 8-byte integer ("Numeric types"), so its digits without
/// the decimal point may not exceed 9223372036854775807 (2^63 - 1) either way: 9.223372036854775807 is the largest
/// value of a DECIMAL(19,18), and DECIMAL(19,0) stops at 9223372036854775807, short of 19 nines.
/// </summary>
public static class DecimalFit
{
    const decimal Int64Digits = long.MaxValue;

    /// The fitted value, or null when it does not fit the column's precision (or its 64-bit storage).
    public static decimal? Fit(decimal value, TargetColumn column, bool round)
    {
        if (column.Scale is not { } scale) return value;
        var fitted = value.Scale <= scale ? value
            : Math.Round(value, scale, round ? MidpointRounding.AwayFromZero : MidpointRounding.ToZero);
        if (column.Precision is not { } precision) return fitted;
        if (IntegerDigits(fitted) > precision - scale) return null;
        if (precision <= 19 && Math.Abs(fitted) * Pow10(scale) > Int64Digits) return null;
        return fitted;
    }

    static readonly decimal[] Powers = Enumerable.Range(0, 20).Select(n => Enumerable.Repeat(10m, n).Aggregate(1m, (a, b) => a * b)).ToArray();

    static decimal Pow10(int exponent) => Powers[exponent];

    static int IntegerDigits(decimal value)
    {
        var whole = Math.Abs(decimal.Truncate(value));
        var digits = 0;
        while (whole >= 1)
        {
            whole = decimal.Truncate(whole / 10);
            digits++;
        }
        return digits;
    }
}
