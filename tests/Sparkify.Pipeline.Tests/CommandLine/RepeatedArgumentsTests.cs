using Sparkify.Pipeline.CommandLine;

namespace Sparkify.Pipeline.Tests.CommandLine;

/// Issue 24, rule 6: the command line as typed is checked for a setting or an option given twice, in any case.
public class RepeatedArgumentsTests
{
    [Test]
    [Description("Cake 7 keeps only the first spelling's group: --local:pg_port=1 --LOCAL:pg_port=2 reached the pipeline as pg_port=1")]
    public void The_raw_command_line_is_checked_for_a_repeat_in_any_case()
    {
        string[] raw = ["Cake.dll", "build.cake", "--target=Teardown", "--local:PG_PORT=1", "--LOCAL:pg_port=2", "--Verbose", "--verbose"];

        var found = RepeatedArguments.Find(raw);

        Assert.That(found, Is.EqualTo(new[]
        {
            "[LOCAL] pg_port is set 2 times (--local:PG_PORT, then --LOCAL:pg_port); give it once",
            "--verbose is given 2 times (--Verbose, then --verbose); give it once",
        }));
    }
}
