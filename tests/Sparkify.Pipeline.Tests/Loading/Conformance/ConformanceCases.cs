using System.IO.Compression;
using System.Text;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// <summary>
/// The case table, one topic per file: 'auto' and records (here), JSONPaths, data conversion, sources and errors.
/// Pages are the Amazon Redshift Database Developer Guide's; rules are paraphrased, the data is our own.
/// </summary>
static partial class ConformanceCases
{
    const string JsonFormat = "COPY from JSON format";
    const string DataFormat = "COPY data format parameters (JSON, JSON data file)";
    const string PathsFile = "COPY data format parameters (JSONPaths file)";
    const string PathExpressions = "COPY data format parameters (JSONPath expressions)";
    const string Conversion = "COPY data conversion parameters";
    const string DataLoad = "COPY data load parameters (MAXERROR)";
    const string Compression = "COPY file compression parameters (GZIP)";
    const string S3Source = "COPY data source parameters (Amazon S3)";
    const string ManifestExample = "COPY examples (using a manifest to specify data files)";
    const string JsonExamples = "COPY examples (copy from JSON)";
    const string ErrorReference = "Load error reference";

    public static IEnumerable<ConformanceCase> All() =>
        Records().Concat(Paths()).Concat(Conversions()).Concat(Times()).Concat(Sources()).Concat(Errors())
            .Concat(Dates()).Concat(FormattedTimes()).Concat(Characters()).Concat(Limits());

    static Dictionary<string, string> Data(string json) => new() { ["data/part.json"] = json };

    static Dictionary<string, string> WithPaths(string json, string paths) => new() { ["data/part.json"] = json, ["paths.json"] = paths };

    static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }

    static IEnumerable<ConformanceCase> Records()
    {
        const string category = "create table t (catid smallint, catgroup varchar(10), catname varchar(10), catdesc varchar(50))";
        yield return new("auto_maps_lower_case_keys_in_any_order", JsonExamples,
            "With 'auto' the key names must match the column names, but their order in the object does not matter")
        {
            Ddl = category,
            Files = Data("""{"catdesc": "Pro hockey", "catid": 2, "catgroup": "Sports", "catname": "NHL"}{"catname": "Opera", "catgroup": "Shows", "catid": 7}"""),
            Rows = ["2|Sports|NHL|Pro hockey", "7|Shows|Opera|NULL"],
        };
        yield return new("auto_ignores_keys_that_are_no_column", DataFormat, "Names in the object that match no column name are ignored")
        {
            Files = Data("""{"k": "a", "bogus": "Bogus LLC", "n": 1}"""),
            Rows = ["a|1"],
        };
        yield return new("auto_is_case_sensitive", DataFormat,
            "'auto' matches case-sensitively and column names are lower case, so a mixed-case key matches nothing")
        {
            Files = Data("""{"K": "upper", "n": 1}"""),
            Rows = ["NULL|1"],
        };
        yield return new("auto_loads_null_for_a_missing_key", DataFormat,
            "A column the data has no field for is loaded with NULL when it has no default")
        {
            Files = Data("""{"k": "only k"}"""),
            Rows = ["only k|NULL"],
        };
        yield return new("auto_ignorecase_matches_keys_whatever_their_case", JsonExamples,
            "With 'auto ignorecase' the case of the key names does not have to match the column names")
        {
            Format = "auto ignorecase",
            Files = Data("""{"K": "mixed", "N": 3}{"k": "lower", "bogus": 1, "n": 4}"""),
            Rows = ["mixed|3", "lower|4"],
            Redshift = "format as json 'auto ignorecase' | timeformat as 'auto' | maxerror as 0",
        };
        yield return new("auto_loads_a_nested_object_into_varchar_as_its_json_text", JsonFormat,
            "An object or array value is loaded as a string, braces or brackets included")
        {
            Ddl = "create table t (k varchar(64), n integer)",
            Files = Data("""{"k": {"a": [1, "x"]}, "n": 1}{"k": ["p", "q"], "n": 2}"""),
            Rows = ["""{"a": [1, "x"]}|1""", """["p", "q"]|2"""],
        };
        yield return new("auto_rejects_a_nested_object_in_an_integer_column", JsonFormat,
            "A nested value becomes a string, so a non-character column cannot take it")
        {
            Silent = "the guide gives no code for this; the column type's format code is used (1207 for an integer)",
            Files = Data("{\"k\": \"a\", \"n\": {\"x\": 1}}\n{\"k\": \"b\", \"n\": 2}"),
            Options = new() { TimeFormat = Sparkify.Pipeline.Loading.TimeFormat.Auto, MaxError = 1, Parallelism = 2 },
            Rows = ["b|2"],
            Codes = [1207],
            Redshift = "format as json 'auto' | timeformat as 'auto' | maxerror as 1",
        };
        yield return new("auto_rejects_records_that_are_arrays", DataFormat,
            "Records that are arrays need a JSONPaths file to map their values to columns")
        {
            Silent = "the guide does not say how 'auto' fails on an array; each one is rejected as an invalid line (1216)",
            Files = Data("[\"a\", 1]\n{\"k\": \"b\", \"n\": 2}"),
            Options = new() { TimeFormat = Sparkify.Pipeline.Loading.TimeFormat.Auto, MaxError = 1, Parallelism = 2 },
            Rows = ["b|2"],
            Codes = [1216],
            Redshift = "format as json 'auto' | timeformat as 'auto' | maxerror as 1",
        };
        yield return new("records_may_be_pretty_printed_or_touching", JsonExamples,
            "Objects may span lines and follow each other with only white space, or nothing, between them")
        {
            Files = Data("{\n  \"k\": \"a\",\n  \"n\": 1\n}\n\n{\"k\": \"b\", \"n\": 2}{\"k\": \"c\", \"n\": 3}\t{\"k\": \"d\", \"n\": 4}"),
            Rows = ["a|1", "b|2", "c|3", "d|4"],
        };
        yield return new("a_comma_between_records_is_an_error_counted_by_maxerror", DataFormat,
            "Records may not be separated by commas or any other non-white-space character; each instance is an error that counts toward MAXERROR")
        {
            Files = Data("{\"k\": \"a\", \"n\": 1},\n{\"k\": \"b\", \"n\": 2}"),
            Options = new() { TimeFormat = Sparkify.Pipeline.Loading.TimeFormat.Auto, MaxError = 5, Parallelism = 2 },
            Rows = ["a|1", "b|2"],
            Codes = [1216],
            Redshift = "format as json 'auto' | timeformat as 'auto' | maxerror as 5",
        };
        yield return new("text_before_a_record_is_an_error", DataFormat,
            "Non-white-space characters before a usable JSON structure are an error for each instance")
        {
            Files = Data("garbage\n{\"k\": \"a\", \"n\": 1}"),
            Fails = "more than MAXERROR 0",
            Codes = [1216],
        };
        yield return new("escapes_load_as_the_characters_they_stand_for", JsonFormat,
            "COPY loads \\n as a newline and \\t as a tab; a backslash is written \\\\")
        {
            Ddl = "create table t (backslash varchar(25), newline varchar(35), tab varchar(35))",
            Files = Data("""{"backslash": "a backslash: \\", "newline": "two\n lines", "tab": "a \t tab"}"""),
            Rows = ["a backslash: \\|two\n lines|a \t tab"],
        };
        yield return new("unicode_escapes_and_utf8_load_unchanged", JsonFormat,
            "Strings are JSON strings: \\u escapes and UTF-8 text load as the characters they are")
        {
            Silent = "the guide shows only \\n, \\t and \\\\; the other JSON escapes are taken as JSON defines them",
            Files = Data("""{"k": "Bj\u00f6rk / Jóga \"\/\"", "n": 1}"""),
            Rows = ["Björk / Jóga \"/\"|1"],
        };
        yield return new("line_number_is_the_last_line_of_the_rejected_object", DataFormat,
            "STL_LOAD_ERRORS records the last line of the JSON object that caused the error")
        {
            Files = Data("{\"k\": \"a\", \"n\": 1}\n{\n  \"k\": \"b\",\n  \"n\": \"two\"\n}\n"),
            Options = new() { TimeFormat = Sparkify.Pipeline.Loading.TimeFormat.Auto, MaxError = 1, Parallelism = 2 },
            Rows = ["a|1"],
            Codes = [1207],
            Redshift = "format as json 'auto' | timeformat as 'auto' | maxerror as 1",
        };
    }
}
