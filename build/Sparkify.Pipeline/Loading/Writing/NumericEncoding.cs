using System.Buffers.Binary;
using System.Globalization;

namespace Sparkify.Pipeline.Loading.Writing;

/// <summary>
/// A decimal in PostgreSQL's binary numeric form: digit count, weight, sign and display scale, then base-10000
/// digits, the first of which is worth 10000^weight. Built from the decimal's invariant text, which keeps its scale.
/// </summary>
public static class NumericEncoding
{
    public const int MaxBytes = 64;
    const short Negative = 0x4000;

    public static int Write(decimal value, Span<byte> output)
    {
        Span<char> text = stackalloc char[40];
        Math.Abs(value).TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        var number = text[..written];
        var point = number.IndexOf('.');
        var whole = (point < 0 ? number : number[..point]).TrimStart('0');
        var fraction = point < 0 ? [] : number[(point + 1)..];

        // Group the digits by four around the decimal point: the whole part padded on the left, the fraction on the right.
        var wholeGroups = (whole.Length + 3) / 4;
        var groups = wholeGroups + (fraction.Length + 3) / 4;
        Span<short> digits = stackalloc short[groups];
        for (var g = 0; g < groups; g++)
        {
            var digit = 0;
            for (var k = 0; k < 4; k++)
            {
                // Position of this decimal digit within the whole part (negative: padding) or the fraction.
                var i = g < wholeGroups ? whole.Length - (wholeGroups - g) * 4 + k : (g - wholeGroups) * 4 + k;
                var part = g < wholeGroups ? whole : fraction;
                digit = digit * 10 + (i >= 0 && i < part.Length ? part[i] - '0' : 0);
            }
            digits[g] = (short)digit;
        }
        var weight = wholeGroups - 1;
        var first = 0;
        while (first < groups && digits[first] == 0) { first++; weight--; }
        var last = groups;
        while (last > first && digits[last - 1] == 0) last--;
        var kept = digits[first..last];

        BinaryPrimitives.WriteInt16BigEndian(output, (short)kept.Length);
        BinaryPrimitives.WriteInt16BigEndian(output[2..], kept.IsEmpty ? (short)0 : (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(output[4..], value < 0 && !kept.IsEmpty ? Negative : (short)0);
        BinaryPrimitives.WriteInt16BigEndian(output[6..], (short)fraction.Length);
        for (var g = 0; g < kept.Length; g++) BinaryPrimitives.WriteInt16BigEndian(output[(8 + 2 * g)..], kept[g]);
        return 8 + 2 * kept.Length;
    }
}
