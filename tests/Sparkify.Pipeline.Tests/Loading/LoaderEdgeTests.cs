using System.IO.Compression;
using System.Text;
using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// Issue 11 (7): truncated gzip, raw NUL and invalid UTF-8 bytes in load_errors, and reporting that never hides a failure.
[Description("issue 11 (7): loader edges")]
public class LoaderEdgeTests
{
    const string Ddl = "create table t (k varchar(16), n integer)";

    static byte[] Lines(int count) =>
        Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(1, count).Select(i => $$"""{"k": "row{{i}}", "n": {{i}}}""")));

    static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    static string WriteBytes(SourceDir dir, string relative, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dir.Path(relative))!);
        File.WriteAllBytes(dir.Path(relative), bytes);
        return dir.Path(relative);
    }

    [TestCase(0.5)]
    [TestCase(0.95)]
    [TestCase(0.999)]
    public async Task A_truncated_gzip_object_fails_naming_it_and_loads_nothing_even_with_maxerror(double kept)
    {
        using var dir = new SourceDir();
        var whole = Gzip(Lines(20000));
        dir.WriteGzip("data/a.json.gz", """{"k": "whole", "n": 0}""");
        var cut = WriteBytes(dir, "data/b.json.gz", whole[..(int)(whole.Length * kept)]);
        var db = await WithTableAsync(Ddl);
        await ExecuteAsync(db, "insert into t values ('before', -1)");

        var error = Assert.ThrowsAsync<PipelineException>(async () =>
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { Gzip = true, MaxError = 10 }), Context(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain($"GZIP object {cut} is truncated or corrupt").And.Contain("nothing of t was committed"));
        Assert.That(await RowsAsync(db, "select k from t"), Is.EqualTo(new[] { new object?[] { "before" } }), "never a partial load");
    }

    [Test]
    public async Task A_whole_gzip_object_of_many_buffers_loads_every_row()
    {
        using var dir = new SourceDir();
        WriteBytes(dir, "data/a.json.gz", Gzip(Lines(20000)));
        var db = await WithTableAsync(Ddl);

        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { Gzip = true }), Context(), CancellationToken.None);

        Assert.That(result.Rows, Is.EqualTo(20000));
        Assert.That(await ScalarAsync(db, "select sum(n) from t"), Is.EqualTo(20000L * 20001 / 2));
    }

    // Line 2 holds a raw NUL byte between members, line 4 invalid UTF-8 (0xff) inside a string; both are rejected.
    static byte[] WithNulAndBadBytes() =>
    [
        .. "{\"k\": \"a\", \"n\": 1}\n{\"k\": \"b\","u8, 0x00, .. " \"n\": 2}\n{\"k\": \"c\", \"n\": 3}\n{\"k\": \"d"u8, 0xff, .. "\", \"n\": 4}\n"u8,
    ];

    [Test]
    public async Task With_maxerror_0_a_raw_nul_byte_fails_the_load_and_is_recorded_escaped()
    {
        using var dir = new SourceDir();
        var file = WriteBytes(dir, "data/a.json", WithNulAndBadBytes());
        var db = await WithTableAsync(Ddl);

        var error = Assert.ThrowsAsync<PipelineException>(async () =>
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options()), Context(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("more than MAXERROR 0").And.Contain($"{file} line 2"));
        Assert.That(await CountAsync(db, "t"), Is.EqualTo(0));
        Assert.That(await RowsAsync(db, "select line_number, err_code, raw_line from load_errors"),
            Is.EqualTo(new[] { new object?[] { 2L, 1216, "{\"k\": \"b\",\\x00 \"n\": 2}" } }));
    }

    [Test]
    public async Task With_maxerror_10_nul_and_invalid_utf8_records_are_all_recorded_escaped_and_the_rest_loads()
    {
        using var dir = new SourceDir();
        WriteBytes(dir, "data/a.json", WithNulAndBadBytes());
        var db = await WithTableAsync(Ddl);

        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 10 }), Context(), CancellationToken.None);

        Assert.That((result.Rows, result.Rejected), Is.EqualTo((2L, 2)));
        Assert.That(await RowsAsync(db, "select k from t order by k"), Is.EqualTo(new[] { new object?[] { "a" }, new object?[] { "c" } }));
        Assert.That(await RowsAsync(db, "select line_number, err_code, raw_line, raw_field_value from load_errors order by line_number"), Is.EqualTo(new[]
        {
            new object?[] { 2L, 1216, "{\"k\": \"b\",\\x00 \"n\": 2}", "" },
            new object?[] { 4L, 1220, "{\"k\": \"d\\xff\", \"n\": 4}", "d\\xff" },
        }));
    }

    [Test]
    public async Task An_escaped_nul_in_a_number_column_is_recorded_without_failing_the_record()
    {
        using var dir = new SourceDir();
        dir.Write("data/a.json", "{\"k\": \"a\", \"n\": \"1\\u0000\"}\n{\"k\": \"b\", \"n\": 2}");
        var db = await WithTableAsync(Ddl);

        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 10 }), Context(), CancellationToken.None);

        Assert.That((result.Rows, result.Rejected), Is.EqualTo((1L, 1)));
        Assert.That(await ScalarAsync(db, "select raw_field_value from load_errors"), Is.EqualTo("1\\x00"));
    }

    [Test]
    public async Task When_load_errors_cannot_be_written_the_load_s_own_failure_is_still_reported()
    {
        using var dir = new SourceDir();
        dir.Write("data/a.json", "{\"k\": \"a\", \"n\": \"x\"}");
        var db = await WithTableAsync(Ddl);
        await ExecuteAsync(db, "create table load_errors (unrelated integer)");

        var error = Assert.ThrowsAsync<PipelineException>(async () =>
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options()), Context(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("more than MAXERROR 0").And.Contain("code 1207"));
    }

    [Test]
    public async Task When_load_errors_cannot_be_written_a_load_within_maxerror_fails_and_commits_nothing()
    {
        using var dir = new SourceDir();
        dir.Write("data/a.json", "{\"k\": \"a\", \"n\": 1}\n{\"k\": \"b\", \"n\": \"x\"}");
        var db = await WithTableAsync(Ddl);
        await ExecuteAsync(db, "create table load_errors (unrelated integer)");

        var error = Assert.ThrowsAsync<PipelineException>(async () =>
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 10 }), Context(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("1 rejected records could not be written to load_errors").And.Contain("nothing of t was committed"));
        Assert.That(await CountAsync(db, "t"), Is.EqualTo(0), "every rejected record is recorded, or the load does not commit");
    }
}
