using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Tests.Config;

public class IniFileTests
{
    [Test]
    public void Parse_keeps_sections_keys_values_and_line_numbers()
    {
        var values = IniFile.Parse(["; comment", "[cluster]", "  DB_PORT = 5439 ", "# another", "name: x=y"], "dwh.cfg").ToList();

        Assert.That(values, Has.Count.EqualTo(2));
        Assert.That(values[0], Is.EqualTo(new ConfigValue("CLUSTER", "db_port", "5439", "dwh.cfg [CLUSTER] db_port", 3)));
        Assert.That(values[1].Value, Is.EqualTo("x=y"));
        Assert.That(values[1].Line, Is.EqualTo(5));
    }

    [Test]
    public void Parse_key_before_any_section_names_the_line()
    {
        var e = Assert.Throws<PipelineException>(() => IniFile.Parse(["region = x"], "dwh.cfg").ToList());
        Assert.That(e!.Message, Is.EqualTo("dwh.cfg line 1: key 'region' comes before any [SECTION]"));
    }

    [Test]
    public void Parse_line_without_equals_names_the_line()
    {
        var e = Assert.Throws<PipelineException>(() => IniFile.Parse(["[AWS]", "", "garbage"], "dwh.cfg").ToList());
        Assert.That(e!.Message, Does.StartWith("dwh.cfg line 3: expected 'key = value'"));
    }

    [Test]
    public void Parse_missing_file_says_where_it_looked()
    {
        var e = Assert.Throws<PipelineException>(() => IniFile.Parse("/nonexistent/dwh.cfg"));
        Assert.That(e!.Message, Does.Contain("/nonexistent/dwh.cfg not found"));
    }

    [Test]
    [Description("issue 10: a duplicate key was accepted silently, the last one winning")]
    public void Parse_duplicate_key_names_both_lines()
    {
        var e = Assert.Throws<PipelineException>(() => IniFile.Parse(["[S3]", "region = us-west-2", "", "REGION = eu-west-1"], "dwh.cfg").ToList());
        Assert.That(e!.Message, Does.StartWith("dwh.cfg line 4: [S3] region is set twice (first at line 2)"));
    }

    [Test]
    [Description("issue 10: a duplicate section was accepted silently")]
    public void Parse_duplicate_section_names_both_lines()
    {
        var e = Assert.Throws<PipelineException>(() => IniFile.Parse(["[LOAD]", "max_error = 0", "[AWS]", "region = x", "[load]", "parallelism = 2"], "dwh.cfg").ToList());
        Assert.That(e!.Message, Does.StartWith("dwh.cfg line 5: section [LOAD] appears twice (first at line 1)"));
    }
}
