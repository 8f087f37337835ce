namespace Sparkify.Pipeline.Loading.Dates;

/// <summary>
/// DATEFORMAT and TIMEFORMAT 'auto' ("Using automatic recognition with DATEFORMAT and TIMEFORMAT"): the forms of the
/// format-string table and the guide's extra ones, ISO 8601 (2019-02-11T05:09:12.195Z), Julian (J2451187), BC
/// (Jan-08-95 BC), YYYYMMDD HHMISS, YYMMDD HHMISS, YYYY.DDD, fractional seconds, DD Mon HH:MI:SS YYYY TZ, and a
/// trailing zone (PST, +/-08, US/Pacific) or AM/PM. Numeric dates are month first, as the guide's examples
/// (12/17/1997, 12.17.1997) and Redshift's MDY order read them: 17/12/1997 is no date. A date given without a time
/// is at 00:00:00.
/// </summary>
public static class AutoDates
{
    static readonly DatePattern[] Dates = Compile(
        "YYYY-MM-DD", "YYYY/MM/DD", "YYYY.MM.DD", "MM/DD/YYYY", "MM-DD-YYYY", "MM.DD.YYYY", "MM/DD/YY", "MM-DD-YY", "MM.DD.YY",
        "MON DD, YYYY", "MON DD YYYY", "MON-DD-YYYY", "MON/DD/YYYY", "MON-DD-YY", "MON DD, YY",
        "DD MON YYYY", "DD-MON-YYYY", "DD/MON/YYYY", "DD-MON-YY", "DD MON YY", "YYYYMMDD", "YYMMDD", "YYYY.DDD");

    static readonly DatePattern[] Times = Compile("HH:MI:SS", "HH:MI");

    /// After YYYYMMDD or YYMMDD the time may be written without separators too (19960108 040809).
    static readonly DatePattern[] CompactTimes = Compile("HHMISS", "HH:MI:SS", "HH:MI");

    /// "17 Dec 07:37:16 1997 PST": the day and month, the time, then the year.
    static readonly DatePattern DayMonth = DatePattern.Parse("DD MON", internalParts: true);

    static readonly DatePattern Year = DatePattern.Parse("YYYY", internalParts: true);

    static DatePattern[] Compile(params string[] formats) => formats.Select(f => DatePattern.Parse(f, internalParts: true)).ToArray();

    /// The day and time of an 'auto' value (zone in OffsetMinutes), or false when no form fits.
    public static bool TryParse(ReadOnlySpan<byte> text, out DateFields fields)
    {
        foreach (var date in Dates)
        {
            fields = default;
            var pos = 0;
            if (date.TryMatchAt(text, ref pos, ref fields) && Rest(text, pos, ref fields, compact: date.Compact) && fields.TryResolve(out _, out _))
                return true;
        }
        fields = default;
        if (text.Length > 1 && (text[0] | 0x20) == 'j')
        {
            var pos = 1;
            if (DateText.Digits(text, ref pos, 1, 7, out var julian))
            {
                fields.JulianDay = julian;
                if (Rest(text, pos, ref fields, compact: false) && fields.TryResolve(out _, out _)) return true;
            }
        }
        fields = default;
        var at = 0;
        return DayMonth.TryMatchAt(text, ref at, ref fields) && at < text.Length && text[at] == ' ' && Time(text, ref at, ref fields, compact: false) &&
               Spaces(text, ref at) > 0 && Year.TryMatchAt(text, ref at, ref fields) && Trailers(text, at, ref fields);
    }

    /// After the date: nothing, or a space or T and a time, then the trailers.
    static bool Rest(ReadOnlySpan<byte> text, int pos, ref DateFields fields, bool compact)
    {
        if (pos == text.Length) return true;
        var saved = fields;
        var at = pos;
        if (text[at] is (byte)' ' or (byte)'T' or (byte)'t' && Time(text, ref at, ref fields, compact) && Trailers(text, at, ref fields)) return true;
        fields = saved;
        return Trailers(text, pos, ref fields);
    }

    static bool Time(ReadOnlySpan<byte> text, ref int pos, ref DateFields fields, bool compact)
    {
        var start = pos + 1;
        Spaces(text, ref start);
        foreach (var time in compact ? CompactTimes : Times)
        {
            var at = start;
            var tried = fields;
            if (!time.TryMatchAt(text, ref at, ref tried)) continue;
            (fields, pos) = (tried, at);
            return true;
        }
        return false;
    }

    /// What may follow: white space, AM/PM, a zone, BC or AD, in that order, each at most once.
    static bool Trailers(ReadOnlySpan<byte> text, int pos, ref DateFields fields)
    {
        Spaces(text, ref pos);
        if (DateText.Meridiem(text, ref pos, out fields.Meridiem)) Spaces(text, ref pos);
        if (pos < text.Length && !Era(text, pos))
        {
            if (!fields.TryResolve(out var day, out var time) || !DateText.Zone(text, ref pos, day, time, out var minutes)) return false;
            fields.OffsetMinutes = minutes;
            Spaces(text, ref pos);
        }
        if (Era(text, pos))
        {
            fields.Bc = (text[pos] | 0x20) == 'b';
            pos += 2;
            Spaces(text, ref pos);
        }
        return pos == text.Length;
    }

    static bool Era(ReadOnlySpan<byte> text, int pos)
    {
        var word = DateText.Letters(text, pos);
        return DateText.Same(word, "bc") || DateText.Same(word, "ad");
    }

    static int Spaces(ReadOnlySpan<byte> text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && text[pos] == ' ') pos++;
        return pos - start;
    }
}
