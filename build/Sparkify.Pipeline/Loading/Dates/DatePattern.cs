using Sparkify.Pipeline.Config;
using Part = Sparkify.Pipeline.Config.DateTimeFormatSyntax.Part;

namespace Sparkify.Pipeline.Loading.Dates;

/// <summary>
/// A DATEFORMAT or TIMEFORMAT string compiled into parts (their syntax: Config/DateTimeFormatSyntax), separators
/// matched as written. Numbers
/// take one or two digits (YYYY four, YY two), so 'MM/DD/YYYY' reads 3/31/2003 and 'YYYYMMDD' reads 20030331; SS
/// takes fractional seconds up to microseconds. Matching works on the UTF-8 bytes: no string per value.
/// </summary>
public sealed class DatePattern
{
    readonly (Part Kind, char Literal)[] _parts;

    DatePattern(string text, (Part, char)[] parts) => (Text, _parts, Compact) = (text, parts, parts.All(p => p.Item1 != Part.Literal));

    public string Text { get; }

    /// Numbers only, no separators (YYYYMMDD).
    public bool Compact { get; }

    /// Compiles a format string (DateTimeFormatSyntax), or throws a FormatException saying what is wrong with it.
    /// <paramref name="internalParts"/> also allows DDD (day of year), which only 'auto' recognises (YYYY.DDD).
    public static DatePattern Parse(string text, bool internalParts = false) => new(text, DateTimeFormatSyntax.Parse(text, internalParts));

    /// The whole text in this format, or false.
    public bool TryMatch(ReadOnlySpan<byte> text, out DateFields fields)
    {
        fields = default;
        var pos = 0;
        return TryMatchAt(text, ref pos, ref fields) && pos == text.Length;
    }

    /// This format from <paramref name="pos"/>, which moves past what it read.
    public bool TryMatchAt(ReadOnlySpan<byte> text, ref int pos, ref DateFields f)
    {
        foreach (var part in _parts)
        {
            var ok = part.Kind switch
            {
                Part.Literal => pos < text.Length && text[pos++] == part.Literal,
                Part.Year4 => DateText.Digits(text, ref pos, 4, 4, out f.Year),
                Part.Year2 => (f.TwoDigitYear = true) && DateText.Digits(text, ref pos, 2, 2, out f.Year),
                Part.Month => DateText.Digits(text, ref pos, 1, 2, out f.Month),
                Part.MonthName => DateText.MonthName(text, ref pos, out f.Month),
                Part.Day => DateText.Digits(text, ref pos, 1, 2, out f.Day),
                Part.DayOfYear => DateText.Digits(text, ref pos, 3, 3, out f.DayOfYear) && f.DayOfYear > 0,
                Part.Hour24 => DateText.Digits(text, ref pos, 1, 2, out f.Hour),
                Part.Hour12 => (f.Hour12 = true) && DateText.Digits(text, ref pos, 1, 2, out f.Hour),
                Part.Minute => DateText.Digits(text, ref pos, 1, 2, out f.Minute),
                Part.Second => DateText.Digits(text, ref pos, 1, 2, out f.Second) && DateText.Fraction(text, ref pos, out f.Fraction),
                Part.Meridiem => DateText.Meridiem(text, ref pos, out f.Meridiem),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    public override string ToString() => Text;
}
