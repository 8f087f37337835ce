using Sparkify.Pipeline.Reporting;

namespace Sparkify.Pipeline.Tests.Reporting;

public class TextTableTests
{
    [Test]
    public void Numbers_align_right_text_left_and_null_is_spelled_out()
    {
        var result = new QueryResult(["name", "plays"], [false, true],
            [["Town A", 10L], ["Sacramento", 6820L], [null, DBNull.Value]]);

        Assert.That(TextTable.Format(result), Is.EqualTo(new[]
        {
            "name       | plays",
            "-----------+------",
            "Town A     |    10",
            "Sacramento |  6820",
            "NULL       |  NULL",
            "(3 rows)",
        }));
    }

    [Test]
    public void Values_are_written_invariantly_with_milliseconds_only_when_present()
    {
        var result = new QueryResult(["t", "u", "d", "m"], [false, false, true, true],
            [[new DateTime(2018, 11, 30, 19, 54, 24, 796), new DateTime(2018, 11, 1), 277.89016, 56.3m]]);

        Assert.That(TextTable.Format(result)[2], Is.EqualTo("2018-11-30 19:54:24.796 | 2018-11-01 00:00:00 | 277.89016 | 56.3"));
        Assert.That(TextTable.Format(result)[3], Is.EqualTo("(1 row)"));
    }

    [Test]
    public void Bytes_and_arrays_are_written_as_psql_writes_them()
    {
        var result = new QueryResult(["b", "a"], [false, false], [[new byte[] { 0xde, 0xad }, new[] { 1, 2 }]]);

        Assert.That(TextTable.Format(result)[2], Is.EqualTo("\\xdead | {1,2}"));
    }

    [Test]
    public void A_newline_inside_a_value_does_not_break_the_table()
    {
        var result = new QueryResult(["a"], [false], [["two\nlines"]]);

        // Escaped, not flattened: the value stays on its line and still says where its newline was (issue 24).
        Assert.That(TextTable.Format(result)[2], Is.EqualTo(@"two\nlines"));
    }

    [Test]
    public void A_statement_without_rows_says_what_it_did()
    {
        Assert.That(TextTable.Format(new QueryResult([], [], []) { RecordsAffected = 0 }), Is.EqualTo(new[] { "OK (0 rows affected)" }));
    }

    [Test]
    public void A_cut_result_says_so()
    {
        var result = new QueryResult(["a"], [true], [[1L], [2L]]) { Truncated = true };

        Assert.That(TextTable.Format(result)[^1], Is.EqualTo("(first 2 rows shown; raise --max-rows or add a limit)"));
    }
}
