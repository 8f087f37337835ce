using System.Collections;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Tests.Config;

public class DwhConfigTests
{
    static readonly string RepoConfig = Path.Combine(Repo.Root, "dwh.cfg");
    static readonly IDictionary NoEnvironment = new Hashtable();

    static DwhConfig Load(IDictionary? env = null, params ConfigValue[] cli) =>
        DwhConfig.FromFile(RepoConfig, env ?? NoEnvironment, cli);

    static ConfigValue Cli(string section, string keyValue) => ConfigLayers.FromArgument(section, keyValue)!;

    static string Failure(string fileText, IDictionary? env = null)
    {
        using var dir = new TempDir("cfg");
        File.WriteAllText(dir.File("dwh.cfg"), fileText);
        var e = Assert.Throws<PipelineException>(() => DwhConfig.FromFile(dir.File("dwh.cfg"), env ?? NoEnvironment, []));
        return e!.Message;
    }

    static string RepoConfigWith(string key, string value) =>
        string.Join("\n", File.ReadAllLines(RepoConfig).Select(l => l.StartsWith(key + " =") ? $"{key} = {value}" : l));

    static int LineOf(string key) => Array.FindIndex(File.ReadAllLines(RepoConfig), l => l.StartsWith(key + " =")) + 1;

    [Test]
    public void Repository_dwh_cfg_is_valid_and_has_safe_defaults()
    {
        var config = Load();

        Assert.That(config.Cluster.DbPort, Is.EqualTo(5439));
        Assert.That(config.Network.IngressCidr, Is.Null, "ingress must default to detection, never 0.0.0.0/0");
        Assert.That(config.Iam.PolicyArn, Is.EqualTo("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        Assert.That(config.S3.LogData, Is.EqualTo(new S3Location("udacity-dend", "log_data")));
        Assert.That(config.Local, Is.EqualTo(new LocalSettings(4566, 5439, "sparkify-local", ".local")));
    }

    [Test]
    public void Environment_overrides_file_and_command_line_overrides_environment()
    {
        var env = new Hashtable
        {
            ["DWH_CLUSTER__NUM_NODES"] = "6", ["DWH_CLUSTER__DB_PORT"] = "5500", ["DWH_CLUSTER__CLUSTER_TYPE"] = "multi-node",
        };

        var config = Load(env, Cli("CLUSTER", "num_nodes=8"));

        Assert.That(config.Cluster.NumNodes, Is.EqualTo(8));
        Assert.That(config.Cluster.DbPort, Is.EqualTo(5500));
    }

    [Test]
    public void Bad_port_in_file_names_file_section_key_value_and_line()
    {
        var message = Failure(RepoConfigWith("db_port", "54x9"));

        Assert.That(message, Is.EqualTo($"dwh.cfg [CLUSTER] db_port '54x9' is not a port from 1150 to 65535 (line {LineOf("db_port")})"));
    }

    [Test]
    public void Bad_value_from_environment_names_the_variable()
    {
        var e = Assert.Throws<PipelineException>(() => Load(new Hashtable { ["DWH_LOCAL__PG_PORT"] = "70000" }));

        Assert.That(e!.Message, Is.EqualTo("environment DWH_LOCAL__PG_PORT '70000' is not a port"));
    }

    [Test]
    public void Bad_value_from_command_line_names_the_argument()
    {
        var e = Assert.Throws<PipelineException>(() => Load(null, Cli("CLUSTER", "node_type=dc9.huge")));

        Assert.That(e!.Message, Does.StartWith("command line --CLUSTER:node_type 'dc9.huge' is not one of ra3.large, ra3.xlplus"));
    }

    [Test]
    [Description("A value ending in a newline must not pass a pattern: .NET's $ matches before a final \\n")]
    public void Value_with_a_trailing_newline_is_refused()
    {
        var e = Assert.Throws<PipelineException>(() => Load(new Hashtable { ["DWH_AWS__REGION"] = "us-west-2\n" }));

        Assert.That(e!.Message, Does.StartWith("environment DWH_AWS__REGION 'us-west-2\n' is not an AWS region"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var e = Assert.Throws<PipelineException>(() => Load(null, Cli("AWS", "region=Mars"), Cli("NETWORK", "ingress_cidr=10.0.0.0/33")));

        Assert.That(e!.Message, Does.StartWith("2 configuration problems:"));
        Assert.That(e.Message, Does.Contain("--AWS:region 'Mars' is not an AWS region"));
        Assert.That(e.Message, Does.Contain("--NETWORK:ingress_cidr '10.0.0.0/33' is not an IPv4 CIDR"));
    }

    [Test]
    public void Missing_key_is_named()
    {
        var text = string.Join("\n", File.ReadAllLines(RepoConfig).Where(l => !l.StartsWith("node_type")));

        Assert.That(Failure(text), Is.EqualTo("dwh.cfg has no [CLUSTER] node_type; add it (dwh.cfg in the repository lists every setting)"));
    }

    /// The repository's dwh.cfg with one more line in an existing section (a second [SECTION] header is an error).
    static string InSection(string section, string line) =>
        File.ReadAllText(RepoConfig).Replace($"[{section}]\n", $"[{section}]\n{line}\n");

    [Test]
    public void Unknown_key_is_a_typo_error()
    {
        var message = Failure(InSection("CLUSTER", "node_tipe = dc2.large"));

        Assert.That(message, Does.Contain("unknown setting [CLUSTER] node_tipe"));
    }

    [Test]
    public void Secret_in_config_is_refused_without_echoing_it()
    {
        const string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        var message = Failure(InSection("AWS", $"secret = {secret}"));

        Assert.That(message, Does.Contain("secrets never go in dwh.cfg"));
        Assert.That(message, Does.Not.Contain(secret));
    }

    [Test]
    public void Multi_node_cluster_needs_two_nodes()
    {
        var e = Assert.Throws<PipelineException>(() => Load(null, Cli("CLUSTER", "cluster_type=multi-node"), Cli("CLUSTER", "num_nodes=1")));

        Assert.That(e!.Message, Is.EqualTo("command line --CLUSTER:num_nodes '1' must be at least 2 when [CLUSTER] cluster_type is multi-node"));
    }

    [TestCase("s3://udacity-dend/log_data", true)]
    [TestCase("s3://Bad_Bucket/x", false)]
    [TestCase("https://udacity-dend/x", false)]
    [TestCase("s3://bucket/it's", false)]
    public void S3_locations_are_validated(string text, bool valid) =>
        Assert.That(S3Location.TryParse(text, out _), Is.EqualTo(valid));

    [TestCase("203.0.113.7/32", true)]
    [TestCase("0.0.0.0/0", true)]
    [TestCase("203.0.113.7", false)]
    [TestCase("256.0.0.1/32", false)]
    [TestCase("1.2.3.4/33", false)]
    public void Cidrs_are_validated(string text, bool valid) => Assert.That(ConfigReader.IsCidr(text), Is.EqualTo(valid));

    [TestCase(null, Profile.Local)]
    [TestCase("local", Profile.Local)]
    [TestCase("AWS", Profile.Aws)]
    public void Profiles_parse(string? text, Profile expected) => Assert.That(Profiles.Parse(text), Is.EqualTo(expected));

    [Test]
    public void Unknown_profile_is_a_clear_error() =>
        Assert.That(() => Profiles.Parse("azure"), Throws.TypeOf<PipelineException>().With.Message.Contains("--profile=azure is not a profile"));
}
