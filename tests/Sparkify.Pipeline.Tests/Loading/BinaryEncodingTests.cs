using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// <summary>
/// The loader encodes every cell in PostgreSQL's binary COPY format itself (Writing/RowBuilder): each column type
/// read back from a real server must equal the value in the file, and text PostgreSQL would refuse is rejected
/// per row with Redshift's code, not by the server for the whole COPY.
/// </summary>
public class BinaryEncodingTests
{
    static async Task<(List<object?[]> Rows, LoadResult Result, List<object?[]> Errors)> LoadAsync(string ddl, byte[] file, CopyOptions options)
    {
        using var dir = new SourceDir();
        var path = dir.Path("data/part.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, file);
        var db = await WithTableAsync(ddl);
        await CreateTablesForErrorsAsync(db);
        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), options), Context(), CancellationToken.None);
        return (await RowsAsync(db, "select * from t order by 1 nulls first"), result,
            await RowsAsync(db, "select line_number, colname, err_code, err_reason from load_errors order by 1"));
    }

    static Task<(List<object?[]> Rows, LoadResult Result, List<object?[]> Errors)> LoadAsync(string ddl, string json, CopyOptions options) =>
        LoadAsync(ddl, System.Text.Encoding.UTF8.GetBytes(json), options);

    static Task CreateTablesForErrorsAsync(Sparkify.Pipeline.Warehouse.WarehouseEndpoint db) =>
        ExecuteAsync(db, LoadTestKit.Sql.Read("postgres/create_load_errors.sql"));

    [Test]
    public async Task Numerics_keep_their_value_and_scale()
    {
        var values = new[] { "-1234.5", "0", "0.000100", "100000000", "-0.5", "12345678901234.123456", "9999.9999", "0.00" };
        var json = string.Join("\n", values.Select((v, i) => $$"""{"k": {{i}}, "m": {{v}}}"""));

        var (rows, _, _) = await LoadAsync("create table t (k integer, m numeric(30,6))", json, Options());

        Assert.That(rows.Select(r => r[1]), Is.EqualTo(values.Select(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture))));
        var (text, _, _) = await LoadAsync("create table t (k integer, m numeric)", json, Options());
        Assert.That(text.Select(r => ((decimal)r[1]!).ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(values),
            "an unconstrained numeric keeps each value's own scale (0.000100 stays 0.000100)");
    }

    [Test]
    public async Task Every_column_type_reads_back_as_written()
    {
        const string json = """
            {"k": 1, "s": -7, "i": 2147483647, "b": -9007199254740993, "r": 1.5, "d": 277.89016, "t": true, "ts": 1541105830796,
             "tz": 1541105830796, "day": "2018-11-01", "txt": "caf\u00e9 \"quoted\" \\ tab\t"}
            {"k": 2, "s": null, "i": null, "b": null, "r": null, "d": null, "t": "f", "ts": null, "tz": null, "day": null, "txt": null}
            """;

        var (rows, result, _) = await LoadAsync(
            "create table t (k int, s smallint, i integer, b bigint, r real, d double precision, t boolean, ts timestamp, tz timestamptz, day date, txt varchar(40))",
            json, Options() with { TimeFormat = TimeFormat.EpochMillisecs });

        Assert.That(result.Rows, Is.EqualTo(2));
        Assert.That(rows[0], Is.EqualTo(new object?[]
        {
            1, (short)-7, 2147483647, -9007199254740993L, 1.5f, 277.89016, true, new DateTime(2018, 11, 1, 20, 57, 10, 796),
            new DateTime(2018, 11, 1, 20, 57, 10, 796, DateTimeKind.Utc), new DateOnly(2018, 11, 1), "café \"quoted\" \\ tab\t",
        }));
        Assert.That(rows[1], Is.EqualTo(new object?[] { 2, null, null, null, null, null, false, null, null, null, null }));
    }

    [Test]
    public async Task Lengths_are_utf8_bytes_as_on_redshift_and_truncatecolumns_never_cuts_a_character()
    {
        const string json = """{"k": 1, "s": "abc"} {"k": 2, "s": "héé"} {"k": 3, "s": "naïve"}""";

        var (cut, _, _) = await LoadAsync("create table t (k integer, s varchar(3))", json, Options() with { TruncateColumns = true });
        var (kept, result, errors) = await LoadAsync("create table t (k integer, s varchar(3))", json, Options() with { MaxError = 2 });

        Assert.That(cut.Select(r => r[1]), Is.EqualTo(new[] { "abc", "hé", "na" }), "é and ï take two bytes each: a cut inside one backs up");
        Assert.That(kept.Select(r => r[1]), Is.EqualTo(new[] { "abc" }));
        Assert.That(result.Rejected, Is.EqualTo(2));
        Assert.That(errors.Select(e => e[3]), Is.EqualTo(new[]
        {
            "String length exceeds DDL length (5 bytes > 3)", "String length exceeds DDL length (6 bytes > 3)",
        }));
    }

    [Test]
    public async Task Invalid_utf8_and_nul_characters_are_rejected_per_row_with_code_1220()
    {
        var bytes = new List<byte>();
        bytes.AddRange("""{"k": 1, "s": "ok"}"""u8.ToArray());
        bytes.AddRange("\n{\"k\": 2, \"s\": \"bad "u8.ToArray());
        bytes.AddRange(new byte[] { 0xC3, 0x28 });
        bytes.AddRange("\"}\n"u8.ToArray());
        bytes.AddRange("""{"k": 3, "s": "nul \u0000 inside"}"""u8.ToArray());

        var (rows, result, errors) = await LoadAsync("create table t (k integer, s varchar(32))", bytes.ToArray(), Options() with { MaxError = 5 });

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(new object?[] { 1 }));
        Assert.That(result.Rejected, Is.EqualTo(2));
        Assert.That(errors.Select(e => (e[0], e[1], e[2])), Is.EqualTo(new[] { ((object?)2L, (object?)"s", (object?)1220), (3L, "s", 1220) }));
        Assert.That(errors[0][3], Does.Contain("invalid or unsupported UTF-8"));
    }
}
