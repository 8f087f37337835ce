namespace Sparkify.Pipeline.Config;

/// <summary>
/// The syntax of COPY's DATEFORMAT and TIMEFORMAT strings ("DATEFORMAT and TIMEFORMAT strings"): the dateparts and
/// timeparts YYYY, YY, MM, MON, DD, HH or HH24, HH12, MI, SS, AM or PM, case-insensitive, between ASCII separators.
/// Defined here so dwh.cfg's [LOAD] values are checked before any work; Loading/Dates/DatePattern matches data with it.
/// </summary>
public static class DateTimeFormatSyntax
{
    public enum Part : byte { Literal, Year4, Year2, Month, MonthName, Day, DayOfYear, Hour24, Hour12, Minute, Second, Meridiem }

    static readonly (string Token, Part Kind)[] Tokens =
    [
        ("YYYY", Part.Year4), ("YY", Part.Year2), ("MON", Part.MonthName), ("MM", Part.Month), ("DD", Part.Day),
        ("HH24", Part.Hour24), ("HH12", Part.Hour12), ("HH", Part.Hour24), ("MI", Part.Minute), ("SS", Part.Second),
        ("AM", Part.Meridiem), ("PM", Part.Meridiem),
    ];

    /// What is wrong with a TIMEFORMAT value, in words that follow its name and value; null when it is valid.
    /// The keywords are case-sensitive, as the guide says: 'AUTO' is read as a format string, and refused.
    public static string? TimeFormatProblem(string text) =>
        text is "auto" or "epochsecs" or "epochmillisecs" ? null : Problem(text, "auto, epochsecs, epochmillisecs");

    /// What is wrong with a DATEFORMAT value; null when it is valid.
    public static string? DateFormatProblem(string text) => text == "auto" ? null : Problem(text, "auto");

    /// The problem of a format string as the value of an option whose keywords are given.
    public static string? Problem(string text, string keywords)
    {
        try
        {
            Parse(text);
            return null;
        }
        catch (FormatException e)
        {
            return $"is not {keywords} (case-sensitive) or a format string: it {e.Message}";
        }
    }

    /// <summary>
    /// The parts of a format string (each separator a Literal with its character), or a FormatException saying what
    /// is wrong: another letter or a digit, a time zone specifier (the guide: none in a TIMEFORMAT string), a part
    /// given twice, a date without year, month or day, HH12 without AM/PM or the other way round.
    /// <paramref name="internalParts"/> allows DDD (day of year) and incomplete dates, for the forms 'auto' knows.
    /// </summary>
    public static (Part Kind, char Literal)[] Parse(string text, bool internalParts = false)
    {
        if (text.Length == 0) throw new FormatException("is empty");
        var parts = new List<(Part, char)>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c > 0x7E || char.IsControl(c) || char.IsDigit(c))
                throw new FormatException($"holds '{c}' at position {i + 1}: only dateparts, timeparts and ASCII separators such as - / . : , and space");
            if (!char.IsAsciiLetter(c))
            {
                parts.Add((Part.Literal, c));
                i++;
                continue;
            }
            var rest = text[i..];
            if (internalParts && rest.StartsWith("DDD", StringComparison.Ordinal))
            {
                parts.Add((Part.DayOfYear, ' '));
                i += 3;
                continue;
            }
            var found = Array.FindIndex(Tokens, t => rest.StartsWith(t.Token, StringComparison.OrdinalIgnoreCase));
            if (found < 0)
                throw new FormatException(rest.StartsWith("TZ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("OF", StringComparison.OrdinalIgnoreCase)
                    ? "holds a time zone specifier (TZ, OF), which the guide does not allow in a format string; use 'auto' for values with a time zone"
                    : $"holds '{rest[..Math.Min(rest.Length, 4)]}' at position {i + 1}, which is no datepart or timepart (YYYY, YY, MM, MON, DD, HH, HH24, HH12, MI, SS, AM, PM)");
            parts.Add((Tokens[found].Kind, ' '));
            i += Tokens[found].Token.Length;
        }
        Check(parts, internalParts);
        return [.. parts];
    }

    static void Check(List<(Part Kind, char)> parts, bool internalParts)
    {
        foreach (var family in parts.Where(p => p.Kind != Part.Literal).GroupBy(p => Family(p.Kind)).Where(g => g.Count() > 1))
            throw new FormatException($"gives the {family.Key} twice");
        var has = parts.Select(p => Family(p.Kind)).ToHashSet();
        if (!internalParts && !(has.Contains("year") && has.Contains("month") && has.Contains("day")))
            throw new FormatException("needs a year (YYYY or YY), a month (MM or MON) and a day (DD)");
        if (parts.Any(p => p.Kind == Part.Hour12) != parts.Any(p => p.Kind == Part.Meridiem))
            throw new FormatException("needs HH12 and AM or PM together (12-hour clock)");
    }

    static string Family(Part kind) => kind switch
    {
        Part.Year4 or Part.Year2 => "year",
        Part.Month or Part.MonthName => "month",
        Part.Day or Part.DayOfYear => "day",
        Part.Hour24 or Part.Hour12 => "hour",
        Part.Minute => "minute",
        Part.Second => "second",
        Part.Meridiem => "AM/PM",
        _ => "separator",
    };
}
