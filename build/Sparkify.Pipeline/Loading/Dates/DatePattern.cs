namespace Sparkify.Pipeline.Loading.Dates;

/// <summary>
/// A DATEFORMAT or TIMEFORMAT string compiled into parts: the dateparts and timeparts of the guide's table (YYYY, YY,
/// MM, MON, DD, HH or HH24, HH12, MI, SS, AM or PM), case-insensitive, and separators matched as written. Numbers
/// take one or two digits (YYYY four, YY two), so 'MM/DD/YYYY' reads 3/31/2003 and 'YYYYMMDD' reads 20030331; SS
/// takes fractional seconds up to microseconds. Matching works on the UTF-8 bytes: no string per value.
/// </summary>
public sealed class DatePattern
{
    static readonly (string Token, PartKind Kind)[] Tokens =
    [
        ("YYYY", PartKind.Year4), ("YY", PartKind.Year2), ("MON", PartKind.MonthName), ("MM", PartKind.Month), ("DD", PartKind.Day),
        ("HH24", PartKind.Hour24), ("HH12", PartKind.Hour12), ("HH", PartKind.Hour24), ("MI", PartKind.Minute), ("SS", PartKind.Second),
        ("AM", PartKind.Meridiem), ("PM", PartKind.Meridiem),
    ];

    readonly Part[] _parts;

    DatePattern(string text, Part[] parts) => (Text, _parts, Compact) = (text, parts, parts.All(p => p.Kind != PartKind.Literal));

    public string Text { get; }

    /// Numbers only, no separators (YYYYMMDD).
    public bool Compact { get; }

    /// <summary>
    /// Compiles a format string of the guide's parts, or explains what is wrong: another letter or a digit, a time
    /// zone specifier (the guide: none in a TIMEFORMAT string), a part given twice, a date without year, month or
    /// day, HH12 without AM/PM or the other way round. <paramref name="internalParts"/> also allows DDD (day of
    /// year), which only 'auto' recognises (YYYY.DDD).
    /// </summary>
    public static DatePattern Parse(string text, bool internalParts = false)
    {
        if (text.Length == 0) throw new FormatException("is empty");
        var parts = new List<Part>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c > 0x7E || char.IsControl(c) || char.IsDigit(c))
                throw new FormatException($"holds '{c}' at position {i + 1}: only dateparts, timeparts and ASCII separators such as - / . : , and space");
            if (!char.IsAsciiLetter(c))
            {
                parts.Add(new Part(PartKind.Literal, (byte)c));
                i++;
                continue;
            }
            var rest = text[i..];
            if (internalParts && rest.StartsWith("DDD", StringComparison.Ordinal))
            {
                parts.Add(new Part(PartKind.DayOfYear));
                i += 3;
                continue;
            }
            var found = Array.FindIndex(Tokens, t => rest.StartsWith(t.Token, StringComparison.OrdinalIgnoreCase));
            if (found < 0)
                throw new FormatException(rest.StartsWith("TZ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("OF", StringComparison.OrdinalIgnoreCase)
                    ? "holds a time zone specifier (TZ, OF), which the guide does not allow in a format string; use 'auto' for values with a time zone"
                    : $"holds '{rest[..Math.Min(rest.Length, 4)]}' at position {i + 1}, which is no datepart or timepart (YYYY, YY, MM, MON, DD, HH, HH24, HH12, MI, SS, AM, PM)");
            parts.Add(new Part(Tokens[found].Kind));
            i += Tokens[found].Token.Length;
        }
        Check(parts, internalParts);
        return new DatePattern(text, [.. parts]);
    }

    static void Check(List<Part> parts, bool internalParts)
    {
        foreach (var kind in parts.Where(p => p.Kind != PartKind.Literal).GroupBy(p => Family(p.Kind)).Where(g => g.Count() > 1))
            throw new FormatException($"gives the {kind.Key} twice");
        var has = parts.Select(p => Family(p.Kind)).ToHashSet();
        if (!internalParts && !(has.Contains("year") && has.Contains("month") && has.Contains("day")))
            throw new FormatException("needs a year (YYYY or YY), a month (MM or MON) and a day (DD)");
        if (parts.Any(p => p.Kind == PartKind.Hour12) != parts.Any(p => p.Kind == PartKind.Meridiem))
            throw new FormatException("needs HH12 and AM or PM together (12-hour clock)");
    }

    static string Family(PartKind kind) => kind switch
    {
        PartKind.Year4 or PartKind.Year2 => "year",
        PartKind.Month or PartKind.MonthName => "month",
        PartKind.Day or PartKind.DayOfYear => "day",
        PartKind.Hour24 or PartKind.Hour12 => "hour",
        PartKind.Minute => "minute",
        PartKind.Second => "second",
        PartKind.Meridiem => "AM/PM",
        _ => "separator",
    };

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
                PartKind.Literal => pos < text.Length && text[pos++] == part.Literal,
                PartKind.Year4 => DateText.Digits(text, ref pos, 4, 4, out f.Year),
                PartKind.Year2 => (f.TwoDigitYear = true) && DateText.Digits(text, ref pos, 2, 2, out f.Year),
                PartKind.Month => DateText.Digits(text, ref pos, 1, 2, out f.Month),
                PartKind.MonthName => DateText.MonthName(text, ref pos, out f.Month),
                PartKind.Day => DateText.Digits(text, ref pos, 1, 2, out f.Day),
                PartKind.DayOfYear => DateText.Digits(text, ref pos, 3, 3, out f.DayOfYear) && f.DayOfYear > 0,
                PartKind.Hour24 => DateText.Digits(text, ref pos, 1, 2, out f.Hour),
                PartKind.Hour12 => (f.Hour12 = true) && DateText.Digits(text, ref pos, 1, 2, out f.Hour),
                PartKind.Minute => DateText.Digits(text, ref pos, 1, 2, out f.Minute),
                PartKind.Second => DateText.Digits(text, ref pos, 1, 2, out f.Second) && DateText.Fraction(text, ref pos, out f.Fraction),
                PartKind.Meridiem => DateText.Meridiem(text, ref pos, out f.Meridiem),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    public override string ToString() => Text;

    enum PartKind : byte { Literal, Year4, Year2, Month, MonthName, Day, DayOfYear, Hour24, Hour12, Minute, Second, Meridiem }

    readonly record struct Part(PartKind Kind, byte Literal = 0);
}
