using Sparkify.Pipeline.Loading;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// IGNOREHEADER for JSON, the 4 MB record limit, the 64-bit DECIMAL rule and the floating-point ranges.
static partial class ConformanceCases
{
    const string NumericTypes = "Numeric types";

    static ConformanceCase Numbers(string name, string page, string rule, string ddl, string[] values, string[] rows, params int[] codes) =>
        new(name, page, rule)
        {
            Ddl = ddl,
            Files = Data(string.Join("\n", values.Select(v => $"{{\"v\": {v}}}"))),
            Options = Plain with { MaxError = codes.Length },
            Redshift = MaxErrorPin(codes.Length),
            Rows = rows,
            Codes = codes,
        };

    /// One record of exactly `bytes` bytes, braces included: {"k": "x", "n": 1, "pad": "aaa…"}.
    static string RecordOf(int bytes)
    {
        const string head = """{"k": "x", "n": 1, "pad": """ + "\"";
        return head + new string('a', bytes - head.Length - 2) + "\"}";
    }

    static IEnumerable<ConformanceCase> Limits()
    {
        var header = (int lines) => Plain with { IgnoreHeader = lines };
        static string HeaderPin(int lines, int maxError = 0) => $"format as json 'auto' | timeformat as 'auto' | ignoreheader as {lines} | maxerror as {maxError}";
        yield return new("ignoreheader_skips_lines_at_the_start_of_every_file", Conversion,
            "IGNOREHEADER treats the given number of lines as a file header and does not load them, in all files of the load")
        {
            Files = new Dictionary<string, string> { ["data/a.json"] = "k,n\n{\"k\": \"a\", \"n\": 1}\n", ["data/b.json"] = "k,n\n{\"k\": \"b\", \"n\": 2}" },
            Options = header(1), Redshift = HeaderPin(1), Rows = ["a|1", "b|2"],
        };
        yield return new("ignoreheader_counts_lines_not_json_records", DataFormat,
            "For JSON, IGNOREHEADER ignores lines; newline characters are always counted, so a record cut by the header is broken")
        {
            Files = Data("{\"k\": \"a\", \"n\": 1}\n{\"k\": \"b\", \"n\": 2\n}\n{\"k\": \"c\", \"n\": 3}\n"),
            Options = header(2) with { MaxError = 1 }, Redshift = HeaderPin(2, 1), Rows = ["c|3"], Codes = [1216],
        };
        yield return new("ignoreheader_larger_than_a_file_skips_all_of_it", DataFormat, "IGNOREHEADER lines are skipped in each file, however short the file")
        {
            Silent = "the guide does not say what a file shorter than IGNOREHEADER gives; nothing of it loads and it is no error",
            Files = new Dictionary<string, string> { ["data/a.json"] = "{\"k\": \"a\", \"n\": 1}\n{\"k\": \"b\", \"n\": 2}\n", ["data/b.json"] = "1\n2\n3\n{\"k\": \"c\", \"n\": 3}" },
            Options = header(3), Redshift = HeaderPin(3), Rows = ["c|3"],
        };
        yield return new("ignoreheader_counts_decompressed_lines_of_gzip_files", Compression, "With GZIP the header lines are those of the decompressed data")
        {
            RawFiles = new Dictionary<string, byte[]> { ["data/part.json.gz"] = Gzip("header line\n{\"k\": \"a\", \"n\": 1}\n") },
            Options = header(1) with { Gzip = true }, Rows = ["a|1"],
            Redshift = "format as json 'auto' | timeformat as 'auto' | ignoreheader as 1 | gzip | maxerror as 0",
        };
        yield return new("a_json_object_over_4_mb_fails_the_copy", DataFormat,
            "The maximum size of a single JSON object or array, braces included, is 4 MB; a larger one fails the COPY whatever MAXERROR says")
        {
            Files = Data("{\"k\": \"a\", \"n\": 1}\n" + RecordOf((4 << 20) + 1) + "\n"),
            Options = MaxError(10), Redshift = MaxErrorPin(10), Fails = "JSON object or array larger than 4 MB", Codes = [1216],
        };
        yield return new("a_json_object_of_exactly_4_mb_loads", DataFormat, "An object of 4 MB, braces included, is within the limit")
        {
            Silent = "the guide does not say whether 4 MB is 4,000,000 or 4,194,304 bytes; the loader takes 4 MiB (4,194,304 bytes, braces included)",
            Files = Data(RecordOf(4 << 20) + "\n"), Rows = ["x|1"],
        };
        yield return new("a_json_array_over_4_mb_fails_the_copy", DataFormat, "The 4 MB limit holds for a record that is an array, brackets included")
        {
            Files = WithPaths("[\"x\", 1, \"" + new string('a', 4 << 20) + "\"]\n", """{"jsonpaths": ["$[0]", "$[1]"]}"""),
            Format = "paths.json", Redshift = PathsPin, Fails = "JSON object or array larger than 4 MB", Codes = [1216],
        };
        yield return Numbers("decimal_19_18_takes_up_to_9_223372036854775807", NumericTypes,
            "The largest value a DECIMAL(19,18) column can load is 9.223372036854775807",
            "create table t (v decimal(19,18))", ["9.223372036854775807", "-9.223372036854775807", "\"9.223372036854775807\""],
            ["9.223372036854775807", "-9.223372036854775807", "9.223372036854775807"]);
        yield return Numbers("decimal_19_18_rejects_9_223372036854775808", NumericTypes,
            "One more in the last digit is past the 8-byte integer a DECIMAL of 19 digits is stored in: rejected (1204)",
            "create table t (v decimal(19,18))", ["9.223372036854775808", "-9.223372036854775808", "9.5"], [], 1204, 1204, 1204);
        yield return Numbers("decimal_19_0_stops_at_2_to_the_63_minus_1", NumericTypes,
            "DECIMAL(19,0) takes 9223372036854775807 but not 19 nines: DECIMALs of up to 19 digits are 64-bit integers",
            "create table t (v decimal(19,0))", ["9223372036854775807", "9223372036854775808", "9999999999999999999"], ["9223372036854775807"], 1204, 1204);
        yield return Numbers("the_64_bit_rule_holds_for_any_decimal_point", NumericTypes,
            "Whatever the scale, the digits of a DECIMAL of up to 19 digits cannot exceed 9223372036854775807: DECIMAL(19,4) stops at 922337203685477.5807",
            "create table t (v decimal(19,4))", ["922337203685477.5807", "922337203685477.5808"], ["922337203685477.5807"], 1204);
        yield return Numbers("the_64_bit_rule_applies_after_truncation", Conversion,
            "COPY truncates to the column's scale first, so 9.2233720368547758079 fits DECIMAL(19,18) as 9.223372036854775807",
            "create table t (v decimal(19,18))", ["\"9.2233720368547758079\""], ["9.223372036854775807"]);
        yield return Numbers("decimal_of_20_digits_is_not_limited_to_64_bits", NumericTypes,
            "DECIMALs of 20 to 38 digits are 16-byte integers, so DECIMAL(20,18) takes 9.223372036854775808",
            "create table t (v decimal(20,18))", ["9.223372036854775808", "99.999999999999999999"], ["9.223372036854775808", "99.999999999999999999"]);
        yield return Numbers("double_precision_past_its_range_is_rejected", NumericTypes,
            "DOUBLE PRECISION is IEEE 754 double precision: 1e309 and -1e309 are out of range (1204), never Infinity",
            "create table t (v double precision)", ["1e309", "-1e309", "\"1e309\"", "1.7976931348623157e308"], ["1.7976931348623157E+308"], 1204, 1204, 1204);
        yield return Numbers("double_precision_underflow_is_rejected", NumericTypes,
            "A non-zero value below the double precision range is out of range too (1204), not zero",
            "create table t (v double precision)", ["1e-400", "0e-400", "0.0", "5e-324"], ["0", "0", "5E-324"], 1204) with
        {
            Silent = "the guide gives the range as around 1E-307 to 1E+308; the loader rejects what rounds to zero and keeps IEEE subnormals, as PostgreSQL does",
        };
        yield return Numbers("real_past_its_range_is_rejected", NumericTypes,
            "REAL (FLOAT4) is IEEE 754 single precision: 1e39 and 1e309 are out of range (1204); 3.4e38 loads",
            "create table t (v real)", ["1e39", "-1e39", "1e309", "3.4e38"], ["3.4E+38"], 1204, 1204, 1204) with
        {
            Silent = "the guide says 'a range of around 1E-37 to 1E+37'; the loader takes IEEE single precision's exact limits (3.4028235E+38)",
        };
        yield return Numbers("real_underflow_is_rejected", NumericTypes, "A non-zero value too small for REAL is out of range (1204)",
            "create table t (v real)", ["1e-50", "1e-30"], ["1E-30"], 1204);
    }
}
