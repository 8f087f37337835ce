namespace Sparkify.Pipeline.Loading.Dates;

/// The small readers date matching is made of: digits, fractions, month names, AM/PM, zones; all on UTF-8 bytes.
public static class DateText
{
    static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// Zone abbreviations 'auto' knows, in minutes east of UTC (the common ones; others are refused).
    static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = 0, ["UT"] = 0, ["GMT"] = 0, ["Z"] = 0, ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300,
        ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420, ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600,
        ["WET"] = 0, ["WEST"] = 60, ["CET"] = 60, ["CEST"] = 120, ["EET"] = 120, ["EEST"] = 180, ["JST"] = 540,
        ["AEST"] = 600, ["AEDT"] = 660,
    };

    /// From min to max ASCII digits (as many as there are, up to max).
    public static bool Digits(ReadOnlySpan<byte> s, ref int pos, int min, int max, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < s.Length && pos - start < max && (uint)(s[pos] - '0') <= 9) value = value * 10 + (s[pos++] - '0');
        return pos - start >= min;
    }

    /// An optional ".ffffff" after the seconds, up to microseconds (the guide: SS supports fractional seconds up to a
    /// microsecond); more digits than six are refused rather than rounded.
    public static bool Fraction(ReadOnlySpan<byte> s, ref int pos, out long ticks)
    {
        ticks = 0;
        if (pos + 1 >= s.Length || s[pos] != '.' || (uint)(s[pos + 1] - '0') > 9) return true;
        var start = ++pos;
        if (!Digits(s, ref pos, 1, 7, out var digits) || pos - start > 6) return false;
        for (var n = pos - start; n < 7; n++) digits *= 10;
        ticks = digits;
        return true;
    }

    /// A month by name, abbreviated (three letters) or in full, any case.
    public static bool MonthName(ReadOnlySpan<byte> s, ref int pos, out int month)
    {
        month = 0;
        var word = Letters(s, pos);
        if (word.Length < 3) return false;
        for (var m = 0; m < 12; m++)
            if (word.Length == 3 || word.Length == Months[m].Length)
                if (Same(word, Months[m].AsSpan(0, word.Length)))
                {
                    (month, pos) = (m + 1, pos + word.Length);
                    return true;
                }
        return false;
    }

    /// AM (1) or PM (2), any case.
    public static bool Meridiem(ReadOnlySpan<byte> s, ref int pos, out int meridiem)
    {
        var word = Letters(s, pos);
        meridiem = word.Length != 2 ? 0 : Same(word, "am") ? 1 : Same(word, "pm") ? 2 : 0;
        if (meridiem != 0) pos += 2;
        return meridiem != 0;
    }

    /// A zone: Z, +HH, +HHMM, +HH:MM (or -), an abbreviation of the table, or a zone name such as US/Pacific; the
    /// offset of a named zone is the one in force on that day.
    public static bool Zone(ReadOnlySpan<byte> s, ref int pos, int dayNumber, long timeTicks, out int minutes)
    {
        minutes = 0;
        if (pos < s.Length && s[pos] is (byte)'+' or (byte)'-')
        {
            var sign = s[pos++] == '-' ? -1 : 1;
            if (!Digits(s, ref pos, 1, 2, out var hours)) return false;
            var mm = 0;
            if (pos < s.Length && s[pos] == ':') pos++;
            if (pos < s.Length && (uint)(s[pos] - '0') <= 9 && !Digits(s, ref pos, 2, 2, out mm)) return false;
            minutes = sign * (hours * 60 + mm);
            return hours <= 15 && mm < 60;
        }
        var end = pos;
        while (end < s.Length && (char.IsAsciiLetter((char)s[end]) || s[end] is (byte)'/' or (byte)'_')) end++;
        if (end == pos) return false;
        var name = System.Text.Encoding.ASCII.GetString(s[pos..end]);
        if (Zones.TryGetValue(name, out minutes) || Named(name, dayNumber, timeTicks, out minutes))
        {
            pos = end;
            return true;
        }
        return false;
    }

    static bool Named(string name, int dayNumber, long timeTicks, out int minutes)
    {
        minutes = 0;
        if (!name.Contains('/') || !TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)) return false;
        var local = dayNumber is >= 0 and < 3652059 ? new DateTime(dayNumber * TimeSpan.TicksPerDay + timeTicks) : DateTime.UnixEpoch;
        minutes = (int)zone.GetUtcOffset(local).TotalMinutes;
        return true;
    }

    public static ReadOnlySpan<byte> Letters(ReadOnlySpan<byte> s, int pos)
    {
        var end = pos;
        while (end < s.Length && char.IsAsciiLetter((char)s[end])) end++;
        return s[pos..end];
    }

    public static bool Same(ReadOnlySpan<byte> word, ReadOnlySpan<char> lower)
    {
        if (word.Length != lower.Length) return false;
        for (var i = 0; i < word.Length; i++)
            if ((word[i] | 0x20) != lower[i]) return false;
        return true;
    }
}
