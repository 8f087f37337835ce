namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// REAL and DOUBLE PRECISION are IEEE 754 single and double precision ("Numeric types"): a value past their range is
/// rejected (1204), not stored as Infinity, and so is a non-zero value too small for them (it would read as 0).
/// Infinity and NaN written as words (as PostgreSQL spells them) are values of the type, not overflows.
/// </summary>
public static class FloatRange
{
    public static bool Fits(double value, bool single, ReadOnlySpan<byte> raw)
    {
        if (!double.IsFinite(value)) return !HasDigit(raw);
        if (value == 0) return !NonZeroMantissa(raw);
        if (!single) return true;
        var narrow = Math.Abs(value);
        return narrow <= float.MaxValue && (float)narrow != 0;
    }

    static bool HasDigit(ReadOnlySpan<byte> raw) => raw.IndexOfAnyInRange((byte)'0', (byte)'9') >= 0;

    /// 1e-400 reads as 0: its digits before the exponent are not all zero.
    static bool NonZeroMantissa(ReadOnlySpan<byte> raw)
    {
        var exponent = raw.IndexOfAny((byte)'e', (byte)'E');
        return (exponent < 0 ? raw : raw[..exponent]).IndexOfAnyInRange((byte)'1', (byte)'9') >= 0;
    }
}
