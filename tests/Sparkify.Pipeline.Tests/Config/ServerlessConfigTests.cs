using System.Collections;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Tests.Config;

/// [CLUSTER] kind and [SERVERLESS]: defaults, and every rule with an error naming the key and where it was set.
public class ServerlessConfigTests
{
    static readonly string RepoConfig = Path.Combine(Repo.Root, "dwh.cfg");

    static DwhConfig Load(params string[] settings) => DwhConfig.FromFile(RepoConfig, new Hashtable(),
        settings.Select(s => ConfigLayers.FromArgument(s[..s.IndexOf(':')], s[(s.IndexOf(':') + 1)..])!));

    static string Failure(params string[] settings) => Assert.Throws<PipelineException>(() => Load(settings))!.Message;

    static int LineOf(string key) => Array.FindIndex(File.ReadAllLines(RepoConfig), l => l.StartsWith(key + " =")) + 1;

    [Test]
    public void Repository_dwh_cfg_keeps_provisioned_the_default_and_describes_a_small_capped_serverless_warehouse()
    {
        var config = Load();

        Assert.That(config.Cluster.Kind, Is.EqualTo(WarehouseKind.Provisioned));
        Assert.That(config.Serverless, Is.EqualTo(new ServerlessSettings("sparkify-dwh", "sparkify-dwh", 8, 24, "daily", null)));
        Assert.That(config.Aws.ServerlessEndpoint, Is.Null);
        Assert.That(Load("CLUSTER:kind=serverless").Cluster.Kind, Is.EqualTo(WarehouseKind.Serverless));
    }

    [TestCase(4)]
    [TestCase(8)]
    [TestCase(136)]
    [TestCase(512)]
    public void A_base_capacity_aws_accepts_is_read(int rpu) =>
        Assert.That(Load($"SERVERLESS:base_capacity={rpu}").Serverless.BaseCapacity, Is.EqualTo(rpu));

    [TestCase("0")]
    [TestCase("6")]
    [TestCase("12")]
    [TestCase("520")]
    [TestCase("1024")]
    [TestCase("eight")]
    public void A_base_capacity_aws_refuses_names_the_rule(string rpu) =>
        Assert.That(Failure($"SERVERLESS:base_capacity={rpu}"), Is.EqualTo(
            $"command line --SERVERLESS:base_capacity '{rpu}' is not a base capacity Redshift Serverless accepts: 4, or 8 to 512 in steps of 8 (RPUs)"));

    [Test]
    public void A_bad_value_in_the_file_names_the_file_the_section_the_key_and_the_line()
    {
        using var dir = new TempDir("cfg");
        File.WriteAllText(dir.File("dwh.cfg"), File.ReadAllText(RepoConfig).Replace("max_rpu_hours_period = daily", "max_rpu_hours_period = hourly"));

        var e = Assert.Throws<PipelineException>(() => DwhConfig.FromFile(dir.File("dwh.cfg"), new Hashtable(), []));

        Assert.That(e!.Message, Is.EqualTo($"dwh.cfg [SERVERLESS] max_rpu_hours_period 'hourly' is not one of daily, weekly, monthly (line {LineOf("max_rpu_hours_period")})"));
    }

    [Test]
    public void Names_kind_and_the_usage_cap_are_checked()
    {
        Assert.That(Failure("SERVERLESS:namespace=ab"), Does.Contain("--SERVERLESS:namespace 'ab' is not a Redshift Serverless name"));
        Assert.That(Failure("SERVERLESS:workgroup=Sparkify_DWH"), Does.Contain("--SERVERLESS:workgroup 'Sparkify_DWH' is not a Redshift Serverless name"));
        Assert.That(Failure("SERVERLESS:max_rpu_hours=0"), Does.Contain("--SERVERLESS:max_rpu_hours '0' is not a whole number from 1 to 1000000"));
        Assert.That(Failure("SERVERLESS:final_snapshot=Final_1"), Does.Contain("--SERVERLESS:final_snapshot 'Final_1' is not a snapshot name"));
        Assert.That(Failure("CLUSTER:kind=cluster"), Does.Contain("--CLUSTER:kind 'cluster' is not one of provisioned, serverless"));
        Assert.That(Failure("AWS:serverless_endpoint=localhost:9000"), Does.Contain("--AWS:serverless_endpoint 'localhost:9000' is not an http(s):// URL"));
    }

    [Test]
    public void Serverless_refuses_a_password_login_and_a_port_a_workgroup_does_not_accept()
    {
        var message = Failure("CLUSTER:kind=serverless", "CLUSTER:auth=password", "CLUSTER:db_port=5500");

        Assert.That(message, Does.Contain("--CLUSTER:auth 'password' cannot be password when [CLUSTER] kind is serverless").And.Contain("use auth = iam"));
        Assert.That(message, Does.Contain("--CLUSTER:db_port '5500' is not a port a Redshift Serverless workgroup accepts (5431-5455 or 8191-8215)"));
        Assert.That(Load("CLUSTER:kind=serverless", "CLUSTER:db_port=8191").Cluster.DbPort, Is.EqualTo(8191));
        Assert.That(Load("CLUSTER:auth=password", "CLUSTER:db_port=5500").Cluster.Kind, Is.EqualTo(WarehouseKind.Provisioned), "only serverless asks this");
    }

    [Test]
    public void A_bad_serverless_setting_stops_build_sh_with_exit_2_before_any_request()
    {
        using var build = new BuildScript();

        var plan = build.Run(["Plan", "--profile=aws", "--CLUSTER:kind=serverless", "--SERVERLESS:base_capacity=12", "--AWS:endpoint=http://127.0.0.1:1"]);

        Assert.That(plan.ExitCode, Is.EqualTo(2), plan.Output);
        Assert.That(plan.Output, Does.Contain("--SERVERLESS:base_capacity '12' is not a base capacity").And.Not.Contain("could not reach"));
    }
}
