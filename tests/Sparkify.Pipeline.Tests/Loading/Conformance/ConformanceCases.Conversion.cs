using Sparkify.Pipeline.Loading;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// Data conversion parameters: DECIMAL scale and ROUNDEC, EMPTYASNULL, BLANKSASNULL, TRUNCATECOLUMNS, TIMEFORMAT.
static partial class ConformanceCases
{
    static readonly CopyOptions Plain = new() { TimeFormat = TimeFormat.Auto, Parallelism = 2 };

    static ConformanceCase Convert(string name, string page, string rule, string ddl, string json, CopyOptions options, string pin) =>
        new(name, page, rule) { Ddl = ddl, Files = Data(json), Options = options, Redshift = pin };

    static IEnumerable<ConformanceCase> Conversions()
    {
        const string money = "create table t (m decimal(8,2))";
        yield return Convert("decimal_truncates_to_the_column_scale_by_default", Conversion,
            "Without ROUNDEC, COPY truncates a value to the column's scale: 20.259 in DECIMAL(8,2) is 20.25",
            money, """{"m": 20.259}{"m": 20.251}{"m": 7}""", Plain, ConformanceCase.AutoPin) with { Rows = ["20.25", "20.25", "7.00"] };
        yield return Convert("roundec_rounds_to_the_column_scale", Conversion, "With ROUNDEC, COPY rounds instead: 20.259 in DECIMAL(8,2) is 20.26, as INSERT rounds",
            money, """{"m": 20.259}{"m": 20.254}{"m": 20.255}""", Plain with { RoundDecimals = true },
            "format as json 'auto' | timeformat as 'auto' | roundec | maxerror as 0") with { Rows = ["20.26", "20.25", "20.26"] };
        yield return Convert("decimal_truncation_goes_toward_zero", Conversion, "Truncating drops the extra digits, so a negative value moves toward zero",
            money, """{"m": -20.259}""", Plain, ConformanceCase.AutoPin) with
        {
            Silent = "the guide shows a positive value only; dropping digits of a negative one gives -20.25, not -20.26",
            Rows = ["-20.25"],
        };
        yield return Convert("roundec_rounds_half_away_from_zero", Conversion, "ROUNDEC behaves as INSERT, which rounds half away from zero",
            money, """{"m": -20.255}""", Plain with { RoundDecimals = true }, "format as json 'auto' | timeformat as 'auto' | roundec | maxerror as 0") with
        {
            Silent = "the guide does not name the midpoint rule; INSERT's (half away from zero) is used",
            Rows = ["-20.26"],
        };
        yield return Convert("decimal_string_is_truncated_too", JsonFormat,
            "Quoting a number keeps its digits exact; the column's scale still applies",
            money, """{"m": "20.259"}""", Plain, ConformanceCase.AutoPin) with { Rows = ["20.25"] };
        yield return Convert("decimal_with_too_many_integer_digits_is_rejected", ErrorReference,
            "1204: input data exceeded the acceptable range for the data type",
            money, """{"m": 1234567.5}""", Plain, ConformanceCase.AutoPin) with
        {
            Silent = "which code a DECIMAL precision overflow gets is not listed; 1204 (out of range) is used",
            Fails = "more than MAXERROR 0",
            Codes = [1204],
        };
        yield return Convert("roundec_that_carries_past_the_precision_is_rejected", Conversion, "Rounding can add an integer digit, which the precision must still hold",
            "create table t (m decimal(5,2))", """{"m": 999.995}""", Plain with { RoundDecimals = true },
            "format as json 'auto' | timeformat as 'auto' | roundec | maxerror as 0") with
        {
            Silent = "not in the guide; the rounded value (1000.00) is checked against DECIMAL(5,2) and rejected (1204)",
            Fails = "more than MAXERROR 0",
            Codes = [1204],
        };
        yield return Convert("emptyasnull_loads_empty_varchar_as_null", Conversion, "EMPTYASNULL loads empty CHAR and VARCHAR fields as NULL",
            "create table t (k varchar(8), j varchar(8))", """{"k": "", "j": "x"}""", Plain with { EmptyAsNull = true },
            "format as json 'auto' | timeformat as 'auto' | emptyasnull | maxerror as 0") with { Rows = ["NULL|x"] };
        yield return Convert("without_emptyasnull_an_empty_varchar_is_empty", DataFormat, "COPY loads empty strings as empty fields by default",
            "create table t (k varchar(8), j varchar(8))", """{"k": "", "j": "x"}""", Plain, ConformanceCase.AutoPin) with { Rows = ["|x"] };
        yield return Convert("empty_string_in_a_non_character_column_is_always_null", DataFormat,
            "Empty strings for other types, such as INT, are always loaded as NULL",
            "create table t (n integer, d double precision, b boolean, m decimal(4,1))", """{"n": "", "d": "", "b": "", "m": ""}""", Plain, ConformanceCase.AutoPin) with
        {
            Rows = ["NULL|NULL|NULL|NULL"],
        };
        yield return Convert("blanksasnull_loads_white_space_only_varchar_as_null", Conversion, "BLANKSASNULL loads fields of only white space characters as NULL",
            "create table t (k varchar(8), j varchar(8))", """{"k": "   ", "j": " x "}""", Plain with { BlanksAsNull = true },
            "format as json 'auto' | timeformat as 'auto' | blanksasnull | maxerror as 0") with { Rows = ["NULL| x "] };
        yield return Convert("without_blanksasnull_blanks_load_as_they_are", Conversion, "Without the option, the space characters are loaded as is",
            "create table t (k varchar(8), j varchar(8))", """{"k": "   ", "j": "x"}""", Plain, ConformanceCase.AutoPin) with { Rows = ["   |x"] };
        yield return Convert("blank_in_an_integer_column_is_null", Conversion, "Blank fields for other data types, such as INT, are always loaded with NULL",
            "create table t (n integer, k varchar(4))", """{"n": "   ", "k": "x"}""", Plain, ConformanceCase.AutoPin) with { Rows = ["NULL|x"] };
        yield return Convert("truncatecolumns_cuts_to_the_varchar_length", Conversion, "TRUNCATECOLUMNS truncates data to the number of characters the column holds",
            "create table t (k varchar(5))", """{"k": "abcdefgh"}""", Plain with { TruncateColumns = true },
            "format as json 'auto' | timeformat as 'auto' | truncatecolumns | maxerror as 0") with { Rows = ["abcde"] };
        yield return new ConformanceCase("truncatecolumns_counts_bytes_and_keeps_whole_characters", Conversion,
            "VARCHAR lengths are in bytes: a multibyte character that does not fit whole is dropped")
        {
            Ddl = "create table t (k varchar(5))", Files = Data("""{"k": "abcdé!"}"""), Options = Plain with { TruncateColumns = true },
            Redshift = "format as json 'auto' | timeformat as 'auto' | truncatecolumns | maxerror as 0",
            Silent = "the guide does not say where a cut falls inside a character; the loader keeps only whole UTF-8 characters",
            Rows = ["abcd"],
        };
        yield return Convert("too_long_varchar_without_truncatecolumns_is_rejected", ErrorReference, "1204: the value exceeds what the column's type accepts",
            "create table t (k varchar(5))", """{"k": "abcdefgh"}""", Plain, ConformanceCase.AutoPin) with { Fails = "String length exceeds DDL length", Codes = [1204] };
    }

    static IEnumerable<ConformanceCase> Times()
    {
        const string at = "create table t (at timestamp)";
        var millis = Plain with { TimeFormat = TimeFormat.EpochMillisecs };
        const string millisPin = "format as json 'auto' | timeformat as 'epochmillisecs' | maxerror as 0";
        yield return Convert("epochmillisecs_loads_a_timestamp", Conversion, "'epochmillisecs' reads milliseconds since 1970-01-01 00:00:00 UTC",
            at, """{"at": 1541105830796}""", millis, millisPin) with { Rows = ["2018-11-01 20:57:10.796"] };
        yield return Convert("epochsecs_loads_a_timestamp", Conversion, "'epochsecs' reads seconds since 1970-01-01 00:00:00 UTC",
            at, """{"at": 1541105830}""", Plain with { TimeFormat = TimeFormat.EpochSecs },
            "format as json 'auto' | timeformat as 'epochsecs' | maxerror as 0") with { Rows = ["2018-11-01 20:57:10"] };
        yield return Convert("epochmillisecs_accepts_a_numeric_string", Conversion, "Epoch values are numbers of seconds or milliseconds",
            at, """{"at": "1541105830796"}""", millis, millisPin) with
        {
            Silent = "whether a quoted epoch number converts is not stated; it does, as a string into a numeric column does",
            Rows = ["2018-11-01 20:57:10.796"],
        };
        yield return Convert("epochmillisecs_leaves_a_bigint_column_a_number", Conversion, "TIMEFORMAT applies to TIMESTAMP columns",
            "create table t (ts bigint)", """{"ts": 1541105830796}""", millis, millisPin) with { Rows = ["1541105830796"] };
        yield return Convert("timeformat_auto_reads_a_date_time_string", Conversion, "'auto' recognises the usual date and time formats",
            at, """{"at": "2018-11-01 20:57:10.796"}""", Plain, ConformanceCase.AutoPin) with { Rows = ["2018-11-01 20:57:10.796"] };
        yield return Convert("timeformat_auto_reads_iso_8601_with_t_and_z", Conversion, "'auto' also recognises formats a TIMEFORMAT string cannot express",
            at, """{"at": "2018-11-01T20:57:10Z"}""", Plain, ConformanceCase.AutoPin) with { Rows = ["2018-11-01 20:57:10"] };
        yield return Convert("timeformat_auto_rejects_a_number", ErrorReference, "1206: timestamp format is not valid",
            at, """{"at": 1541105830796}""", Plain, ConformanceCase.AutoPin) with
        {
            Silent = "'auto' reads strings; a bare number is not one of its formats, so it is rejected (1206)",
            Fails = "more than MAXERROR 0",
            Codes = [1206],
        };
        yield return Convert("an_invalid_timestamp_string_is_rejected", ErrorReference, "1206: timestamp format is not valid",
            at, """{"at": "yesterday-ish"}""", Plain, ConformanceCase.AutoPin) with { Fails = "more than MAXERROR 0", Codes = [1206] };
    }
}
