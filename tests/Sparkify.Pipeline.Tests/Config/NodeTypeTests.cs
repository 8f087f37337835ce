using System.Collections;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Config;

/// [CLUSTER] node_type, cluster_type and num_nodes against the node types AWS creates today (issue 26).
public class NodeTypeTests
{
    static readonly string RepoConfig = Path.Combine(Repo.Root, "dwh.cfg");

    static DwhConfig Load(params string[] settings) => DwhConfig.FromFile(RepoConfig, new Hashtable(),
        settings.Select(s => ConfigLayers.FromArgument(s[..s.IndexOf(':')], s[(s.IndexOf(':') + 1)..])!));

    static string Failure(params string[] settings) => Assert.Throws<PipelineException>(() => Load(settings))!.Message;

    [Test]
    [Description("Issue 26: dwh.cfg asked for 4 x dc2.large, which CreateCluster refuses since 2025")]
    public void The_default_cluster_is_one_AWS_creates_today()
    {
        var cluster = Load().Cluster;

        Assert.That(NodeType.RetiredFamily(cluster.NodeType), Is.Null);
        Assert.That(NodeType.Find(cluster.NodeType)?.CountProblem(cluster.ClusterType, cluster.NumNodes), Is.Null);
        Assert.That((cluster.NodeType, cluster.ClusterType, cluster.NumNodes), Is.EqualTo(("ra3.large", "single-node", 1)));
    }

    [TestCase("dc2.large", "dc2")]
    [TestCase("dc2.8xlarge", "dc2")]
    [TestCase("dc1.large", "dc1")]
    [TestCase("ds2.xlarge", "ds2")]
    [TestCase("ds1.8xlarge", "ds1")]
    [TestCase("dw1.xlarge", "dw1")]
    [TestCase("dw2.large", "dw2")]
    public void A_retired_node_type_is_refused_naming_AWS_change_and_the_replacement(string type, string family)
    {
        var message = Failure($"CLUSTER:node_type={type}");

        Assert.That(message, Does.StartWith($"command line --CLUSTER:node_type '{type}' is a retired node type"));
        Assert.That(message, Does.Contain($"AWS no longer creates {family} clusters").And.Contain("2025").And.Contain("use ra3.large"));
    }

    [Test]
    public void A_retired_node_type_in_dwh_cfg_names_the_file_and_line()
    {
        using var dir = new TempDir("cfg");
        var lines = File.ReadAllLines(RepoConfig);
        var line = Array.FindIndex(lines, l => l.StartsWith("node_type =")) + 1;
        File.WriteAllLines(dir.File("dwh.cfg"), lines.Select(l => l.StartsWith("node_type =") ? "node_type = dc2.large" : l));

        var e = Assert.Throws<PipelineException>(() => DwhConfig.FromFile(dir.File("dwh.cfg"), new Hashtable(), []));

        Assert.That(e!.Message, Does.StartWith("dwh.cfg [CLUSTER] node_type 'dc2.large' is a retired node type").And.EndWith($"(line {line})"));
    }

    [Test]
    public void A_node_type_without_single_node_clusters_is_refused_naming_cluster_type()
    {
        var message = Failure("CLUSTER:node_type=ra3.4xlarge");

        Assert.That(message, Does.StartWith("dwh.cfg [CLUSTER] cluster_type 'single-node' does not fit ra3.4xlarge, which has no single-node clusters"));
        Assert.That(message, Does.Contain("2 to 32 nodes"));
    }

    [TestCase("ra3.large", 17, 16)]
    [TestCase("ra3.xlplus", 17, 16)]
    [TestCase("ra3.4xlarge", 33, 32)]
    [TestCase("ra3.16xlarge", 129, 128)]
    public void More_nodes_than_the_type_is_created_with_are_refused(string type, int nodes, int max)
    {
        var message = Failure($"CLUSTER:node_type={type}", "CLUSTER:cluster_type=multi-node", $"CLUSTER:num_nodes={nodes}");

        Assert.That(message, Does.Contain($"--CLUSTER:num_nodes '{nodes}'"));
        Assert.That(message, Does.Contain($"more than the {max} nodes a {type} cluster can be created with").Or.Contain("is not a whole number from 1 to 128"));
    }

    [TestCase("ra3.large", "single-node", 1)]
    [TestCase("ra3.xlplus", "single-node", 1)]
    [TestCase("ra3.large", "multi-node", 16)]
    [TestCase("ra3.4xlarge", "multi-node", 2)]
    [TestCase("ra3.16xlarge", "multi-node", 128)]
    public void Every_shape_AWS_creates_is_accepted(string type, string clusterType, int nodes)
    {
        var cluster = Load($"CLUSTER:node_type={type}", $"CLUSTER:cluster_type={clusterType}", $"CLUSTER:num_nodes={nodes}").Cluster;

        Assert.That((cluster.NodeType, cluster.NumNodes), Is.EqualTo((type, nodes)));
    }

    [Test]
    [Description("Issue 26 done-when: Plan with dc2.large exits 2 naming dc2 and sends no request")]
    public void Plan_on_aws_with_dc2_exits_2_naming_dc2_before_any_request()
    {
        using var endpoint = new SilentListener();
        using var build = new BuildScript();

        var plan = build.Run("Plan", "--profile=aws", "--CLUSTER:node_type=dc2.large", $"--AWS:endpoint={endpoint.Url}",
            "--NETWORK:ingress_cidr=203.0.113.7/32");

        Assert.That(plan.ExitCode, Is.EqualTo(2), plan.Output);
        Assert.That(plan.Output, Does.Contain("--CLUSTER:node_type 'dc2.large' is a retired node type").And.Contain("no longer creates dc2"));
        Assert.That(endpoint.Connections, Is.EqualTo(0), "no connection reached the AWS endpoint");
    }
}
