using Sparkify.Pipeline.Modeling;

namespace Sparkify.Pipeline.Tests.Modeling;

public class SqlScriptTests
{
    [Test]
    public void Splits_at_line_ending_semicolons_and_tags_each_write_with_its_table()
    {
        const string Text = "-- t: header\ndrop table if exists x;\n\ncreate temp table x as select 1 as a;\n" +
                            "update users\nset level = 'paid' from x;\ninsert into time (start_time) select now();\n" +
                            "delete from songplays where 1 = 0\n";

        var statements = SqlScript.Split("f.sql", Text);

        Assert.That(statements.Select(s => (s.Table, s.Kind)), Is.EqualTo(new (string?, string?)[]
            { (null, null), (null, null), ("users", "updated"), ("time", "inserted"), ("songplays", "deleted") }));
    }

    [Test]
    public void Semicolon_inside_a_statement_is_refused_naming_the_file()
    {
        Assert.That(() => SqlScript.Split("sql/transform/99_x.sql", "select ';' as s, 1; select 2"),
            Throws.TypeOf<PipelineException>().With.Message.Contains("sql/transform/99_x.sql"));
    }

    [Test]
    public void Every_transform_file_splits_into_statements_that_write_star_tables()
    {
        var sql = Sparkify.Pipeline.Warehouse.SqlFiles.In(Fixtures.Repo.Root);

        var tables = sql.List("transform").SelectMany(f => SqlScript.Split(f, sql.Read(f))).Select(s => s.Table).OfType<string>().Distinct();

        Assert.That(tables, Is.EquivalentTo(new[] { "users", "artists", "songs", "time", "songplays" }));
    }
}
