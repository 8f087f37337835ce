using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// How JSON values become column values, one COPY option at a time (Redshift: data conversion parameters).
public class ValueConversionTests
{
    static async Task<(List<object?[]> Rows, LoadResult Result)> LoadAsync(string ddl, string json, CopyOptions options)
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", json);
        var db = await WithTableAsync(ddl);
        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), options), Context(), CancellationToken.None);
        return (await RowsAsync(db, "select * from t order by 1 nulls first"), result);
    }

    [Test]
    public async Task Empty_string_is_null_in_non_character_columns()
    {
        var (rows, _) = await LoadAsync("create table t (n integer, d double precision, ts timestamp, b boolean)",
            """{"n": "", "d": "", "ts": "", "b": ""}""", Options());

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { null, null, null, null } }));
    }

    [Test]
    public async Task Numeric_strings_load_into_numeric_columns()
    {
        var (rows, _) = await LoadAsync("create table t (n integer, big bigint, d double precision, m numeric(10,3), s smallint)",
            """{"n": "42", "big": " 1541105830796 ", "d": "277.89016", "m": "1.25", "s": "-7"}""", Options());

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { 42, 1541105830796L, 277.89016, 1.25m, (short)-7 } }));
    }

    [Test]
    public async Task Epochmillisecs_converts_into_a_timestamp_and_stays_a_number_in_a_bigint()
    {
        var (rows, _) = await LoadAsync("create table t (ts bigint, at timestamp, at_text timestamp)",
            """{"ts": 1541105830796, "at": 1541105830796, "at_text": "1541105830796"}""", Options() with { TimeFormat = TimeFormat.EpochMillisecs });

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { 1541105830796L, new DateTime(2018, 11, 1, 20, 57, 10, 796), new DateTime(2018, 11, 1, 20, 57, 10, 796) } }));
    }

    [Test]
    public async Task Epochsecs_and_auto_timeformats()
    {
        var (secs, _) = await LoadAsync("create table t (at timestamp)", """{"at": 1541105830}""", Options() with { TimeFormat = TimeFormat.EpochSecs });
        var (auto, _) = await LoadAsync("create table t (at timestamp)", """{"at": "2018-11-01 20:57:10.796"}""", Options());

        Assert.That(secs[0][0], Is.EqualTo(new DateTime(2018, 11, 1, 20, 57, 10)));
        Assert.That(auto[0][0], Is.EqualTo(new DateTime(2018, 11, 1, 20, 57, 10, 796)));
    }

    [Test]
    public async Task Integral_float_loads_into_bigint_but_a_fraction_into_integer_is_rejected()
    {
        var (rows, result) = await LoadAsync("create table t (reg bigint, n integer)",
            """{"reg": 1540344794796.0, "n": 1}""" + "\n" + """{"reg": 1, "n": 1.5}""", Options() with { MaxError = 1 });

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { 1540344794796L, 1 } }));
        Assert.That(result.Rejected, Is.EqualTo(1));
    }

    [Test]
    public async Task Out_of_range_integer_is_rejected()
    {
        var (rows, result) = await LoadAsync("create table t (n smallint)", """{"n": 70000}""" + "\n" + """{"n": 7}""", Options() with { MaxError = 1 });

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { (short)7 } }));
        Assert.That(result.Rejected, Is.EqualTo(1));
    }

    [Test]
    public async Task Without_blanksasnull_and_emptyasnull_character_columns_keep_blanks_and_empties()
    {
        var (rows, _) = await LoadAsync("create table t (k integer, s varchar(8))",
            """{"k": 1, "s": ""} {"k": 2, "s": "   "}""", Options());

        Assert.That(rows.Select(r => r[1]), Is.EqualTo(new object?[] { "", "   " }));
    }

    [Test]
    public async Task Emptyasnull_makes_empty_strings_null_and_blanksasnull_whitespace_only_strings()
    {
        var json = """{"k": 1, "s": ""} {"k": 2, "s": "   "}""";
        var (empty, _) = await LoadAsync("create table t (k integer, s varchar(8))", json, Options() with { EmptyAsNull = true });
        var (blanks, _) = await LoadAsync("create table t (k integer, s varchar(8))", json, Options() with { BlanksAsNull = true });

        Assert.That(empty.Select(r => r[1]), Is.EqualTo(new object?[] { null, "   " }));
        Assert.That(blanks.Select(r => r[1]), Is.EqualTo(new object?[] { "", null }));
    }

    [Test]
    public async Task Truncatecolumns_cuts_long_strings_to_the_column_and_otherwise_they_are_rejected()
    {
        const string json = """{"s": "abcdefgh"}""";
        var (cut, _) = await LoadAsync("create table t (s varchar(3))", json, Options() with { TruncateColumns = true });

        Assert.That(cut, Is.EqualTo(new[] { new object?[] { "abc" } }));
        Assert.That(async () => await LoadAsync("create table t (s varchar(3))", json, Options()),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("String length exceeds DDL length"));
    }

    [Test]
    public async Task Numbers_and_booleans_land_in_character_columns_as_their_text()
    {
        var (rows, _) = await LoadAsync("create table t (a varchar(32), b varchar(8))", """{"a": 1540344794796.0, "b": true}""", Options());

        Assert.That(rows, Is.EqualTo(new[] { new object?[] { "1540344794796.0", "true" } }));
    }
}
