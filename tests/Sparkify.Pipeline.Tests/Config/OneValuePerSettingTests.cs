using System.Collections;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Config;

/// Issue 24, rule 6: a setting has one value per layer. The command line and the environment refuse a key given twice,
/// in any spelling of its case, as dwh.cfg refuses a key set twice; so do options.
public class OneValuePerSettingTests
{
    static readonly IReadOnlyList<TargetInfo> Graph = [new("Teardown", "", []), new("Transform", "", [])];

    static string Refusal(string target, IDictionary? environment, params (string Name, string Value)[] args)
    {
        var arguments = args.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KeyValuePair<string, ICollection<string>>(g.Key, g.Select(a => a.Value).ToList()));
        return Assert.Throws<PipelineException>(() => Run.Create(arguments, Repo.Root, Graph, target, environment ?? new Hashtable()))!.Message;
    }

    [Test]
    [Description("issue 24: --LOCAL:pg_port=1 --LOCAL:pg_port=2 was accepted, the last one silently winning")]
    public void A_config_key_given_twice_on_the_command_line_is_refused_naming_both()
    {
        var message = Refusal("Teardown", null, ("LOCAL", "pg_port=25441"), ("LOCAL", "pg_port=25442"));

        Assert.That(message, Does.Contain("[LOCAL] pg_port is set 2 times (--LOCAL:pg_port, then --LOCAL:pg_port); give it once"));
    }

    [Test]
    public void The_same_key_in_another_case_is_the_same_setting_and_is_refused()
    {
        var message = Refusal("Teardown", null, ("LOCAL", "pg_port=25441"), ("LOCAL", "PG_PORT=25442"));

        Assert.That(message, Does.Contain("[LOCAL] pg_port is set 2 times (--LOCAL:pg_port, then --LOCAL:PG_PORT)"));
    }

    [Test]
    public void The_same_key_twice_in_the_environment_is_refused()
    {
        var environment = new Hashtable { ["DWH_LOCAL__PG_PORT"] = "25441", ["DWH_LOCAL__pg_port"] = "25442" };

        var message = Refusal("Teardown", environment);

        Assert.That(message, Does.Contain("[LOCAL] pg_port is set 2 times").And.Contain("environment DWH_LOCAL__PG_PORT")
            .And.Contain("environment DWH_LOCAL__pg_port"));
    }

    [Test]
    public void An_option_given_twice_is_refused()
    {
        var message = Refusal("Transform", null, ("from", "2018-11-01"), ("from", "2018-11-02"));

        Assert.That(message, Does.Contain("--from is given 2 times; give it once"));
    }

    [Test]
    public void One_value_per_layer_still_lets_a_later_layer_override_an_earlier_one()
    {
        var arguments = new Dictionary<string, ICollection<string>> { ["LOCAL"] = ["pg_port=25441"] };

        using var run = Run.Create(arguments, Repo.Root, Graph, "Teardown", new Hashtable { ["DWH_LOCAL__PG_PORT"] = "25442" });

        Assert.That(run.Config.Local.PgPort, Is.EqualTo(25441));
    }

    [TestCase("--LOCAL:PG_PORT=25441")]
    [TestCase("--local:pg_port=25441")]
    [Category("Slow")]
    public void Through_build_sh_a_duplicate_of_a_setting_exits_2_before_any_work(string duplicate)
    {
        using var build = new BuildScript();

        // The isolation arguments already give --LOCAL:pg_port.
        var result = build.Run("Teardown", duplicate);

        Assert.That(result.ExitCode, Is.EqualTo(Startup.UsageExitCode), result.Output);
        Assert.That(result.Output, Does.Contain("pg_port").IgnoreCase);
        Assert.That(result.Output, Does.Not.Contain("Teardown (local)"));
    }
}
