using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Tests.Aws;

/// The exact Query API parameters of every Redshift call (Redshift API reference, version 2012-12-01).
public class RedshiftRequestTests
{
    static readonly ClusterSettings Multi = new("sparkify-dwh", "multi-node", "ra3.xlplus", 4, "sparkify", "sparkify_admin", 5439, true, 30);

    [Test]
    public void CreateCluster_sends_every_setting_the_role_the_group_encryption_and_tags()
    {
        var request = Redshift.CreateCluster(new ClusterRequest(Multi, "arn:aws:iam::123456789012:role/r", "sg-1", "Secret-Pass-123"));

        Assert.That(request.Action, Is.EqualTo("CreateCluster"));
        Assert.That(request.Version, Is.EqualTo("2012-12-01"));
        Assert.That(request.Parameters.Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[]
        {
            "ClusterIdentifier=sparkify-dwh", "ClusterType=multi-node", "NodeType=ra3.xlplus", "NumberOfNodes=4",
            "DBName=sparkify", "MasterUsername=sparkify_admin", "MasterUserPassword=Secret-Pass-123", "Port=5439",
            "IamRoles.IamRoleArn.1=arn:aws:iam::123456789012:role/r", "VpcSecurityGroupIds.VpcSecurityGroupId.1=sg-1",
            "PubliclyAccessible=true", "Encrypted=true", "Tags.Tag.1.Key=project", "Tags.Tag.1.Value=sparkify-dwh",
        }));
    }

    [Test]
    public void CreateCluster_for_a_single_node_omits_NumberOfNodes()
    {
        var single = Multi with { ClusterType = "single-node", NumNodes = 1, Encrypted = false };

        var request = Redshift.CreateCluster(new ClusterRequest(single, "arn:r", "sg-1", "Secret-Pass-123"));

        Assert.That(request["NumberOfNodes"], Is.Null);
        Assert.That(request["ClusterType"], Is.EqualTo("single-node"));
        Assert.That(request["Encrypted"], Is.EqualTo("false"));
    }

    [Test]
    public void Request_text_never_shows_the_master_password()
    {
        var cluster = new ClusterRequest(Multi, "arn:r", "sg-1", "Secret-Pass-123");

        Assert.That(Redshift.CreateCluster(cluster).ToString(), Does.Contain("MasterUserPassword").And.Not.Contain("Secret-Pass-123"));
        Assert.That(cluster.ToString(), Does.Not.Contain("Secret-Pass-123"));
    }

    [Test]
    public void DescribeClusters_names_one_cluster()
    {
        var request = Redshift.DescribeClusters("sparkify-dwh");

        Assert.That(request.Parameters.Select(p => $"{p.Key}={p.Value}"), Is.EqualTo(new[] { "ClusterIdentifier=sparkify-dwh" }));
        Assert.That(request.Action, Is.EqualTo("DescribeClusters"));
    }

    [Test]
    public void DeleteCluster_skips_the_final_snapshot_unless_one_is_named()
    {
        Assert.That(Redshift.DeleteCluster("c", null).Parameters.Select(p => $"{p.Key}={p.Value}"),
            Is.EqualTo(new[] { "ClusterIdentifier=c", "SkipFinalClusterSnapshot=true" }));
        Assert.That(Redshift.DeleteCluster("c", "last").Parameters.Select(p => $"{p.Key}={p.Value}"),
            Is.EqualTo(new[] { "ClusterIdentifier=c", "SkipFinalClusterSnapshot=false", "FinalClusterSnapshotIdentifier=last" }));
    }

    [Test]
    public void Form_body_escapes_values_the_way_sigv4_canonicalises_them()
    {
        var request = QueryRequest.Of("PutRolePolicy", "2010-05-08", ("PolicyDocument", "{\"a\": \"b c/*\"}"), ("RoleName", "r+1"));

        Assert.That(request.FormBody(), Is.EqualTo(
            "Action=PutRolePolicy&Version=2010-05-08&PolicyDocument=%7B%22a%22%3A%20%22b%20c%2F%2A%22%7D&RoleName=r%2B1"));
    }
}
