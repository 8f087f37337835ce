using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading;

/// Rejected records, MAXERROR and load_errors (Redshift: MAXERROR, STL_LOAD_ERRORS); a table's load is all or nothing.
public class BadInputTests
{
    const string Ddl = "create table t (k varchar(16), n integer)";

    // Line 2 is broken JSON, line 4 holds a string where an integer goes, line 5 has an unknown key (ignored, like Redshift).
    const string Mixed = """
        {"k": "a", "n": 1}
        {"k": "b", "n": 2
        {"k": "c", "n": 3}
        {"k": "d", "n": "four"}
        {"k": "e", "n": 5, "unknown": [1, 2]}
        """;

    [Test]
    public async Task With_maxerror_0_a_broken_line_fails_naming_file_and_line_and_keeps_the_table_as_it_was()
    {
        using var dir = new SourceDir();
        var file = dir.Write("data/part.json", Mixed);
        var db = await WithTableAsync(Ddl);
        await ExecuteAsync(db, "insert into t values ('before', 0)");

        var error = Assert.ThrowsAsync<PipelineException>(async () =>
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options()), Context(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("more than MAXERROR 0").And.Contain($"{file} line 2").And.Contain("Invalid JSON"));
        Assert.That(await RowsAsync(db, "select k from t"), Is.EqualTo(new[] { new object?[] { "before" } }), "nothing of the failed load committed");
    }

    [Test]
    public async Task With_maxerror_0_a_wrong_type_fails_naming_file_line_column_and_value()
    {
        using var dir = new SourceDir();
        var file = dir.Write("data/part.json", """{"k": "a", "n": 1}""" + "\n" + """{"k": "d", "n": "four"}""");
        var db = await WithTableAsync(Ddl);

        var error = Assert.ThrowsAsync<PipelineException>(async () =>
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options()), Context(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain($"{file} line 2, column n").And.Contain("value 'four'").And.Contain("code 1207"));
        Assert.That(await CountAsync(db, "t"), Is.EqualTo(0));
    }

    [Test]
    public async Task With_maxerror_10_good_rows_load_and_bad_ones_are_in_load_errors()
    {
        using var dir = new SourceDir();
        var file = dir.Write("data/part.json", Mixed);
        var db = await WithTableAsync(Ddl);
        var context = Context();

        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 10 }), context, CancellationToken.None);

        Assert.That((result.Rows, result.Rejected), Is.EqualTo((3L, 2)));
        Assert.That(await RowsAsync(db, "select k, n from t order by k"),
            Is.EqualTo(new[] { new object?[] { "a", 1 }, new object?[] { "c", 3 }, new object?[] { "e", 5 } }));
        var errors = await RowsAsync(db, "select run_id, tbl, filename, line_number, colname, type, raw_line, raw_field_value, err_code from load_errors order by line_number");
        Assert.That(errors, Is.EqualTo(new[]
        {
            new object?[] { context.RunId, "t", file, 2L, null, null, """{"k": "b", "n": 2""", "", 1216 },
            new object?[] { context.RunId, "t", file, 4L, "n", "integer", """{"k": "d", "n": "four"}""", "four", 1207 },
        }));
    }

    [Test]
    public async Task Errors_of_a_failed_load_are_kept_in_load_errors()
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", Mixed);
        var db = await WithTableAsync(Ddl);

        Assert.ThrowsAsync<PipelineException>(async () =>
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 1 }), Context(), CancellationToken.None));

        Assert.That(await CountAsync(db, "t"), Is.EqualTo(0));
        Assert.That(await RowsAsync(db, "select line_number, err_code from load_errors order by 1"),
            Is.EqualTo(new[] { new object?[] { 2L, 1216 }, new object?[] { 4L, 1207 } }));
    }

    [Test]
    [Description("issue 14: STL_LOAD_ERRORS' LINE_NUMBER is the last line of the JSON object that caused the error")]
    public async Task A_rejected_pretty_printed_object_is_reported_at_its_last_line()
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", "{\"k\": \"a\", \"n\": 1}\n{\n  \"k\": \"b\",\n  \"n\": \"two\"\n}\n{\"k\": \"c\", \"n\": \"x\"}");
        var db = await WithTableAsync(Ddl);

        await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 5 }), Context(), CancellationToken.None);

        Assert.That(await RowsAsync(db, "select line_number from load_errors order by 1"), Is.EqualTo(new[] { new object?[] { 5L }, new object?[] { 6L } }));
    }

    [Test]
    [Description("issue 25: IGNOREHEADER skips lines, and rejected records keep the line numbers of the file itself")]
    public async Task After_a_skipped_header_line_numbers_still_count_from_the_top_of_the_file()
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", "header one\nheader two\n{\"k\": \"a\", \"n\": 1}\n{\"k\": \"b\", \"n\": \"x\"}\n");
        var db = await WithTableAsync(Ddl);

        await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 1, IgnoreHeader = 2 }), Context(), CancellationToken.None);

        Assert.That(await RowsAsync(db, "select k, n from t"), Is.EqualTo(new[] { new object?[] { "a", 1 } }));
        Assert.That(await RowsAsync(db, "select line_number, err_code from load_errors"), Is.EqualTo(new[] { new object?[] { 4L, 1207 } }));
    }

    [Test]
    public async Task A_record_that_is_not_an_object_is_rejected()
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", """[1, 2] {"k": "ok"} "text" """);
        var db = await WithTableAsync(Ddl);

        var result = await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options() with { MaxError = 5 }), Context(), CancellationToken.None);

        Assert.That((result.Rows, result.Rejected), Is.EqualTo((1L, 2)));
    }

    [Test]
    public async Task A_file_ending_inside_an_object_is_rejected_at_the_line_it_starts()
    {
        using var dir = new SourceDir();
        var file = dir.Write("data/part.json", "{\"k\": \"ok\"}\n{\"k\": \"cut");
        var db = await WithTableAsync(Ddl);

        var error = Assert.ThrowsAsync<PipelineException>(async () =>
            await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options()), Context(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain($"{file} line 2"));
    }

    [Test]
    public async Task A_missing_target_table_says_to_run_create_tables()
    {
        using var dir = new SourceDir();
        dir.Write("data/part.json", """{"k": "a"}""");
        var db = await WithTableAsync("create table other (k integer)");

        Assert.That(async () => await ClientCopy.RunAsync(db, new CopyCommand("t", dir.Path("data/"), Options()), Context(), CancellationToken.None),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("table t does not exist").And.Message.Contains("CreateTables"));
    }
}
