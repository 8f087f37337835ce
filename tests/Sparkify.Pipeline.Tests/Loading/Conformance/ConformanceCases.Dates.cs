using Sparkify.Pipeline.Loading;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// DATEFORMAT: 'auto' and format strings, into DATE columns (read back as text, so BC dates show too).
static partial class ConformanceCases
{
    const string DateTimeStrings = "DATEFORMAT and TIMEFORMAT strings";
    const string AutoRecognition = "Using automatic recognition with DATEFORMAT and TIMEFORMAT";
    const string DatetimeTypes = "Datetime types";

    static readonly CopyOptions AutoDates = Plain with { DateFormat = DateFormat.Auto };

    static string Pin(CopyOptions o) =>
        $"format as json 'auto' | {(o.DateFormat is { } d ? $"dateformat as '{d.Text}' | " : "")}timeformat as '{o.TimeFormat.Text}' | maxerror as {o.MaxError}";

    /// One record per value ({"d": "value"}, or a bare number when the value starts with #) into a DATE column d.
    static ConformanceCase Day(string name, string page, string rule, CopyOptions options, string[] values, string[] rows, params int[] codes) =>
        new(name, page, rule)
        {
            Ddl = "create table t (d date)",
            Query = "select d::text from t",
            Files = Data(string.Join("\n", values.Select(v => v.StartsWith('#') ? $"{{\"d\": {v[1..]}}}" : $"{{\"d\": \"{v}\"}}"))),
            Options = options with { MaxError = codes.Length },
            Redshift = Pin(options with { MaxError = codes.Length }),
            Rows = rows,
            Codes = codes,
        };

    static CopyOptions DateFormatted(string format) => Plain with { DateFormat = DateFormat.Parse(format) };

    static IEnumerable<ConformanceCase> Dates()
    {
        yield return Day("dateformat_auto_drops_the_time_of_a_date_time", AutoRecognition,
            "If the source data for a DATE column includes time information, the time component is truncated",
            AutoDates, ["2018-11-01 20:57:10", "2018-11-02 23:59:59.999999"], ["2018-11-01", "2018-11-02"]);
        yield return Day("dateformat_auto_reads_iso_8601_with_t_and_a_zone", AutoRecognition,
            "'auto' recognises ISO 8601 (2019-02-11T05:09:12.195Z), which no format string can express",
            AutoDates, ["2019-02-11T05:09:12.195Z", "2019-02-12T23:00:00+05:00"], ["2019-02-11", "2019-02-12"]);
        yield return Day("dateformat_auto_reads_numeric_dates_month_first", AutoRecognition,
            "'auto' reads the table's forms, such as 12/17/1997 and 12.17.1997, month first",
            AutoDates, ["12/17/1997", "03.31.2003", "3/4/2003"], ["1997-12-17", "2003-03-31", "2003-03-04"]);
        yield return Day("dateformat_auto_rejects_a_day_first_date", AutoRecognition,
            "Numeric dates are read month first, so 17/12/1997 has no 17th month and is rejected (1205)",
            AutoDates, ["17/12/1997", "12/17/1997"], ["1997-12-17"], 1205) with
        {
            Silent = "the guide labels a form DD.MM.YYYY but its example is 12.17.1997 (month first); Redshift reads month first (MDY), so does the loader, and a day-first date that cannot be month first is rejected",
        };
        yield return Day("dateformat_auto_reads_month_names", DateTimeStrings,
            "A month may be written by name, abbreviated or in full (MON), as in March 31, 2003 or Jan-08-1999",
            AutoDates, ["March 31, 2003", "Jan-08-1999", "17-Dec-1997", "4 jul 1976"], ["2003-03-31", "1999-01-08", "1997-12-17", "1976-07-04"]);
        yield return Day("dateformat_auto_reads_julian_days", AutoRecognition, "'auto' recognises Julian day numbers such as J2451187",
            AutoDates, ["J2451187"], ["1999-01-08"]);
        yield return Day("dateformat_auto_reads_bc_dates", AutoRecognition, "'auto' recognises BC dates such as Jan-08-95 BC",
            AutoDates, ["Jan-08-95 BC", "Jan-08-95"], ["0095-01-08 BC", "1995-01-08"]) with
        {
            Silent = "a two-digit BC year is not moved into 1970-2069 (95 BC, as PostgreSQL reads it); the guide gives only the example",
        };
        yield return Day("dateformat_auto_reads_compact_and_ordinal_dates", AutoRecognition,
            "'auto' recognises YYYYMMDD HHMISS, YYMMDD HHMISS and YYYY.DDD (day of the year)",
            AutoDates, ["19960108 040809", "960108 040809", "1996.008", "20200229"], ["1996-01-08", "1996-01-08", "1996-01-08", "2020-02-29"]);
        yield return Day("dateformat_auto_rejects_impossible_dates", ErrorReference, "1205: date format is not valid; February 30 is no date",
            AutoDates, ["2018-02-30", "2019-02-29", "2020-02-29", "2018-13-01"], ["2020-02-29"], 1205, 1205, 1205);
        yield return Day("dateformat_auto_rejects_text_that_is_no_date", ErrorReference, "1205: date format is not valid",
            AutoDates, ["yesterday", "2018-11-01 25:00:00", "2018-11-01 extra"], [], 1205, 1205, 1205) with
        {
            Fails = "more than MAXERROR 2", Rows = null, Options = AutoDates with { MaxError = 2 }, Redshift = Pin(AutoDates with { MaxError = 2 }),
        };
        yield return Day("dateformat_string_reads_its_own_format", DateTimeStrings,
            "A DATEFORMAT string must match the data: 'MM/DD/YYYY' reads 03/31/2003",
            DateFormatted("MM/DD/YYYY"), ["03/31/2003", "3/1/2003"], ["2003-03-31", "2003-03-01"]);
        yield return Day("dateformat_string_reads_month_names", DateTimeStrings, "'MON DD, YYYY' reads March 31, 2003 (MON: the month by name)",
            DateFormatted("MON DD, YYYY"), ["March 31, 2003", "Mar 31, 2003"], ["2003-03-31", "2003-03-31"]);
        yield return Day("dateformat_string_in_the_other_order_rejects_the_date", DateTimeStrings,
            "The format decides the order: 'DD/MM/YYYY' reads 31/03/2003 and rejects 03/31/2003 (1205)",
            DateFormatted("DD/MM/YYYY"), ["31/03/2003", "03/31/2003"], ["2003-03-31"], 1205);
        yield return Day("dateformat_string_separators_must_match", DateTimeStrings,
            "DATEFORMAT strings must match the format of the data, separators included",
            DateFormatted("YYYY-MM-DD"), ["2003-03-31", "2003/03/31"], ["2003-03-31"], 1205);
        yield return Day("dateformat_string_may_hold_time_parts_that_are_ignored", Conversion,
            "The date format can include time information (hour, minutes, seconds), but it is ignored",
            DateFormatted("YYYY-MM-DD HH:MI:SS"), ["2003-03-31 18:45:05"], ["2003-03-31"]);
        yield return Day("dateformat_string_without_separators", DateTimeStrings, "'YYYYMMDD' reads 20030331; a JSON number is read as its text",
            DateFormatted("YYYYMMDD"), ["20030331", "#20030401"], ["2003-03-31", "2003-04-01"]) with
        {
            Silent = "the guide does not say how a JSON number meets a DATEFORMAT; it is read as its digits",
        };
        yield return Day("dateformat_string_two_digit_years", DateTimeStrings, "YY is the year without century",
            DateFormatted("MM/DD/YY"), ["03/31/03", "12/17/97"], ["2003-03-31", "1997-12-17"]) with
        {
            Silent = "the century of YY is not given; 00-69 are 2000-2069 and 70-99 are 1970-1999, PostgreSQL's rule",
        };
        yield return Day("without_dateformat_only_yyyy_mm_dd_loads", Conversion, "If no DATEFORMAT is specified, the default format is 'YYYY-MM-DD'",
            Plain, ["2003-03-31", "03/31/2003"], ["2003-03-31"], 1205);
    }

    static IEnumerable<ConformanceCase> FormattedTimes()
    {
        static ConformanceCase At(string name, string page, string rule, CopyOptions options, string[] values, string[] rows, params int[] codes) =>
            Day(name, page, rule, options, values, rows, codes) with
            {
                Ddl = "create table t (d timestamp)",
                Query = "select d::text from t",
            };
        static CopyOptions Formatted(string format) => Plain with { TimeFormat = TimeFormat.Parse(format) };

        yield return At("timeformat_string_loads_a_timestamp", DateTimeStrings, "TIMEFORMAT 'YYYY-MM-DD HH:MI:SS' reads 2018-11-01 20:57:10",
            Formatted("YYYY-MM-DD HH:MI:SS"), ["2018-11-01 20:57:10", "2018-11-01 7:05:09"], ["2018-11-01 20:57:10", "2018-11-01 07:05:09"]);
        yield return At("timeformat_string_takes_fractional_seconds_to_microseconds", DateTimeStrings,
            "The seconds (SS) field supports fractional seconds up to a microsecond level of detail",
            Formatted("MM.DD.YYYY HH:MI:SS"), ["03.31.2003 18:45:05", "03.31.2003 18:45:05.123456", "03.31.2003 18:45:05.5"],
            ["2003-03-31 18:45:05", "2003-03-31 18:45:05.123456", "2003-03-31 18:45:05.5"]);
        yield return At("timeformat_string_rejects_digits_past_microseconds", ErrorReference, "1206: timestamp format is not valid",
            Formatted("YYYY-MM-DD HH:MI:SS"), ["2018-11-01 20:57:10.1234567"], [], 1206) with
        {
            Silent = "fractions past microseconds are not described; such a value is rejected rather than rounded",
            Rows = null, Fails = "more than MAXERROR 0", Options = Formatted("YYYY-MM-DD HH:MI:SS"), Redshift = Pin(Formatted("YYYY-MM-DD HH:MI:SS")),
        };
        yield return At("timeformat_string_reads_a_12_hour_clock", DateTimeStrings, "HH12 is the hour on a 12-hour clock, with the AM or PM meridian indicator",
            Formatted("MM/DD/YYYY HH12:MI:SS AM"), ["03/31/2003 06:45:05 PM", "03/31/2003 12:00:00 AM", "03/31/2003 12:30:00 pm"],
            ["2003-03-31 18:45:05", "2003-03-31 00:00:00", "2003-03-31 12:30:00"]);
        yield return At("timeformat_string_hh_is_the_24_hour_clock", DateTimeStrings, "In DATEFORMAT and TIMEFORMAT strings HH is the same as HH24",
            Formatted("YYYYMMDD HHMISS"), ["20030331 184505", "20030331 244505"], ["2003-03-31 18:45:05"], 1206);
        yield return At("timeformat_string_without_a_time_is_midnight", AutoRecognition,
            "If the source data for a TIMESTAMP column omits time information, 00:00:00 is used",
            Formatted("MON-DD-YYYY"), ["Jan-01-1999"], ["1999-01-01 00:00:00"]);
        yield return At("timeformat_auto_reads_the_guides_extra_forms", AutoRecognition,
            "'auto' recognises ISO 8601, YYYYMMDD HHMISS, YYYY-MM-DD HH:MI:SS.SSS and Julian days with a time",
            Plain, ["2019-02-11T05:09:12.195Z", "19960108 040809", "1996-01-08 04:05:06.789", "J2451187 04:05:06"],
            ["2019-02-11 05:09:12.195", "1996-01-08 04:08:09", "1996-01-08 04:05:06.789", "1999-01-08 04:05:06"]);
        yield return At("timeformat_auto_ignores_the_zone_of_a_timestamp", DatetimeTypes,
            "Time zone values in input strings are ignored for TIMESTAMP",
            Plain, ["1997-12-17 07:37:16-08", "12/17/1997 07:37:16.00 PST", "17 Dec 07:37:16 1997 PST"],
            ["1997-12-17 07:37:16", "1997-12-17 07:37:16", "1997-12-17 07:37:16"]);
        yield return At("timeformat_auto_reads_am_and_pm", AutoRecognition, "'auto' reads a 12-hour time with its AM or PM",
            Plain, ["2018-11-01 08:57:10 PM", "2018-11-01 12:05:00 AM"], ["2018-11-01 20:57:10", "2018-11-01 00:05:00"]);
        yield return At("timeformat_auto_reads_a_date_without_time_as_midnight", AutoRecognition,
            "If the source data for a TIMESTAMP column omits time information, 00:00:00 is used",
            Plain, ["2018-11-01"], ["2018-11-01 00:00:00"]);
        yield return At("timeformat_auto_converts_the_zone_of_a_timestamptz", DatetimeTypes,
            "When an input value includes a time zone, Redshift converts it to UTC for a TIMESTAMPTZ",
            Plain, ["1997-12-17 07:37:16-08", "12/17/1997 07:37:16.00 US/Pacific", "1997-12-17 07:37:16+05:30"],
            ["1997-12-17 15:37:16+00", "1997-12-17 15:37:16+00", "1997-12-17 02:07:16+00"]) with
        {
            Ddl = "create table t (d timestamptz)",
            Query = "select (d at time zone 'UTC')::text || '+00' from t",
        };
    }
}
