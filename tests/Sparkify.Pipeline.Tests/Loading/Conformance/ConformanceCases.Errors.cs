using Sparkify.Pipeline.Loading;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// MAXERROR boundaries and the load error code of each rejection class (Load error reference).
static partial class ConformanceCases
{
    static CopyOptions MaxError(int n) => Plain with { MaxError = n };

    static string MaxErrorPin(int n) => $"format as json 'auto' | timeformat as 'auto' | maxerror as {n}";

    static ConformanceCase Rejects(string name, string rule, string ddl, string json, int code) =>
        new(name, ErrorReference, rule) { Ddl = ddl, Files = Data(json + "\n{}"), Options = MaxError(1), Redshift = MaxErrorPin(1), Rows = ["NULL"], Codes = [code] };


    static IEnumerable<ConformanceCase> Errors()
    {
        const string twoBad = "{\"k\": \"a\", \"n\": 1}\n{\"k\": \"b\", \"n\": \"x\"}\n{\"k\": \"c\", \"n\": 3}\n{\"k\": \"d\", \"n\": \"y\"}";
        const string maxErrorSilent = "the guide says the load fails at error_count errors 'or greater' and also that MAXERROR 0 and 1 " +
                                      "both stop at the first error; Redshift in fact allows MAXERROR rejected rows, and so does the loader: it fails past MAXERROR";
        yield return new("maxerror_defaults_to_0_so_one_rejection_fails", DataLoad, "The MAXERROR default is 0: the first rejected row fails the load")
        {
            Files = Data(twoBad), Fails = "more than MAXERROR 0", Codes = [1207],
        };
        yield return new("maxerror_allows_that_many_rejections", DataLoad, "With fewer errors than the limit the load continues without the rejected rows")
        {
            Silent = maxErrorSilent,
            Files = Data(twoBad), Options = MaxError(2), Redshift = MaxErrorPin(2),
            Rows = ["a|1", "c|3"], Codes = [1207, 1207],
        };
        yield return new("maxerror_fails_one_past_the_limit", DataLoad, "More rejected rows than MAXERROR fail the load, and nothing of it commits")
        {
            Silent = maxErrorSilent,
            Files = Data(twoBad), Options = MaxError(1), Redshift = MaxErrorPin(1),
            Fails = "more than MAXERROR 1", Codes = [1207, 1207],
        };
        yield return new("maxerror_above_100000_is_refused", DataLoad, "The MAXERROR limit is 100000")
        {
            Files = Data(twoBad), Options = MaxError(100001), Redshift = "!MAXERROR 100001 is not from 0 to 100000",
            Fails = "MAXERROR 100001 is not from 0 to 100000",
        };
        yield return Rejects("code_1204_integer_out_of_range", "1204: input data exceeded the acceptable range for the data type",
            "create table t (s smallint)", """{"s": 40000}""", 1204);
        yield return Rejects("code_1205_invalid_date", "1205: date format is not valid",
            "create table t (d date)", """{"d": "not a date"}""", 1205);
        yield return Rejects("code_1207_non_digit_in_an_integer", "1207: data contained a value outside of the expected range of 0-9",
            "create table t (n integer)", """{"n": "12a"}""", 1207);
        yield return Rejects("code_1207_fraction_in_an_integer", "1207: a fraction is no integer digit string",
            "create table t (n integer)", """{"n": 1.5}""", 1207) with
        {
            Silent = "the guide does not list 1.5 into INTEGER; it is rejected as a digit error (1207), a whole 2.0 loads",
        };
        yield return Rejects("code_1208_float_format", "1208: FLOAT data type format error",
            "create table t (d double precision)", """{"d": "fast"}""", 1208);
        yield return Rejects("code_1209_decimal_format", "1209: DECIMAL data type format error",
            "create table t (m decimal(6,2))", """{"m": "12,5"}""", 1209);
        yield return Rejects("code_1210_boolean_format", "1210: BOOLEAN data type format error",
            "create table t (b boolean)", """{"b": "maybe"}""", 1210);
        yield return Rejects("code_1216_invalid_json_line", "1216: input line is not valid",
            "create table t (k varchar(8))", """{"k": "unclosed""", 1216);
        yield return new("code_1220_invalid_utf8_is_rejected", Conversion,
            "Without ACCEPTINVCHARS, COPY returns an error for an invalid UTF-8 character (1220)")
        {
            Ddl = "create table t (k varchar(8))",
            RawFiles = new Dictionary<string, byte[]> { ["data/part.json"] = [.. ConformanceTests.Utf8("{\"k\": \"a"), 0xC3, 0x28, .. ConformanceTests.Utf8("\"}\n{\"k\": \"ok\"}")] },
            Options = MaxError(1), Redshift = MaxErrorPin(1),
            Rows = ["ok"], Codes = [1220],
        };
        yield return new("code_1220_nul_character_is_rejected", ErrorReference, "1220: the string holds a character the column cannot store")
        {
            Silent = "Redshift's handling of \\u0000 in JSON is not described; PostgreSQL text cannot hold NUL, so the row is rejected (1220)",
            Ddl = "create table t (k varchar(8))",
            Files = Data("{\"k\": \"a\\u0000b\"}\n{\"k\": \"ok\"}"), Options = MaxError(1), Redshift = MaxErrorPin(1),
            Rows = ["ok"], Codes = [1220],
        };
        yield return new("boolean_accepts_true_false_and_their_short_forms", Conversion, "BOOLEAN takes JSON true and false, and text forms of them")
        {
            Silent = "the JSON pages do not list boolean spellings; the loader takes true/false/t/f/yes/no/y/n/1/0 as Redshift's BOOLEAN does",
            Ddl = "create table t (b boolean, n integer)",
            Files = Data("""{"b": true, "n": 1}{"b": "f", "n": 2}{"b": "yes", "n": 3}{"b": 0, "n": 4}"""),
            Rows = ["true|1", "false|2", "true|3", "false|4"],
        };
    }
}
