namespace Sparkify.Pipeline.Loading.Dates;

/// <summary>
/// The fields one date or timestamp string gave, before they are checked and combined. Years are as written (two
/// digits, or a BC year) until <see cref="TryResolve"/> turns them into a day and a time of day.
/// </summary>
public struct DateFields
{
    const int TwoDigitPivot = 70;

    public int Year, Month, Day, DayOfYear, Hour, Minute, Second, Meridiem;
    public long Fraction;
    public long? JulianDay;
    public bool TwoDigitYear, Hour12, Bc;

    /// Minutes east of UTC, when the text named a zone or an offset (the 'auto' forms only).
    public int? OffsetMinutes;

    /// <summary>
    /// The day (days since 0001-01-01, negative before it) and the time of day in ticks, or false when a field is out
    /// of range (month 13, February 30, hour 24, minute 60...). Two-digit years are 1970-2069 (PostgreSQL's rule, from
    /// which Redshift's parser descends); a BC year has no year zero, so 1 BC is year 0.
    /// </summary>
    public readonly bool TryResolve(out int dayNumber, out long timeTicks)
    {
        (dayNumber, timeTicks) = (0, 0);
        if (!TryTime(out timeTicks)) return false;
        if (JulianDay is { } julian)
        {
            // JD 1721426 is 0001-01-01 in the proleptic Gregorian calendar.
            if (julian is < 0 or > 5373484) return false;
            dayNumber = (int)(julian - 1721426);
            return true;
        }
        var year = Year;
        if (Bc) year = 1 - year;
        else if (TwoDigitYear) year += year < TwoDigitPivot ? 2000 : 1900;
        if (!Bc && year < 1) return false;
        var (month, day) = (Month, Day);
        if (DayOfYear > 0)
        {
            if (DayOfYear > (IsLeap(year) ? 366 : 365)) return false;
            dayNumber = DaysFromCivil(year, 1, 1) + DayOfYear - 1;
            return true;
        }
        if (month is < 1 or > 12 || day < 1 || day > DaysIn(year, month)) return false;
        dayNumber = DaysFromCivil(year, month, day);
        return true;
    }

    readonly bool TryTime(out long ticks)
    {
        ticks = 0;
        var hour = Hour;
        if (Hour12 || Meridiem != 0)
        {
            if (hour is < 1 or > 12) return false;
            if (Meridiem == 2 && hour < 12) hour += 12;
            else if (Meridiem == 1 && hour == 12) hour = 0;
        }
        if (hour is < 0 or > 23 || Minute is < 0 or > 59 || Second is < 0 or > 59) return false;
        ticks = hour * TimeSpan.TicksPerHour + Minute * TimeSpan.TicksPerMinute + Second * TimeSpan.TicksPerSecond + Fraction;
        return true;
    }

    static bool IsLeap(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    static int DaysIn(int year, int month) => month == 2 ? (IsLeap(year) ? 29 : 28) : month is 4 or 6 or 9 or 11 ? 30 : 31;

    /// Days since 0001-01-01 of a proleptic Gregorian date, for any year (H. Hinnant's days_from_civil).
    public static int DaysFromCivil(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468 + 719162;
    }
}
