namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// A decimal fitted to its numeric(p,s) column as Redshift's COPY fits it: more decimals than the scale are cut off
/// (20.259 -> 20.25 in numeric(8,2)), or rounded half away from zero with ROUNDEC (20.26), the way INSERT rounds
/// (Database Developer Guide, "Data conversion parameters", ROUNDEC). More integer digits than p - s is out of range.
/// </summary>
public static class DecimalFit
{
    /// The fitted value, or null when its integer part has more digits than the column allows.
    public static decimal? Fit(decimal value, TargetColumn column, bool round)
    {
        if (column.Scale is not { } scale) return value;
        var fitted = value.Scale <= scale ? value
            : Math.Round(value, scale, round ? MidpointRounding.AwayFromZero : MidpointRounding.ToZero);
        if (column.Precision is { } precision && IntegerDigits(fitted) > precision - scale) return null;
        return fitted;
    }

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
