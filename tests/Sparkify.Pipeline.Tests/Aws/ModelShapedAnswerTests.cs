using System.Net;
using Amazon.Runtime;
using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Aws;

/// <summary>
/// The answers the pipeline reads, shaped by the service models' output shapes rather than by moto: every member
/// (lists of two), optional members left out, and empty lists. Strings are "Member-N", integers 6 + N.
/// </summary>
public class ModelShapedAnswerTests
{
    static readonly AwsContext Aws = new("us-west-2", "http://127.0.0.1:1", new BasicAWSCredentials("AKIDEXAMPLE", "example-secret"));

    static (QueryApi Api, ScriptedTransport Transport) Api(string service, params string[] answers)
    {
        var transport = new ScriptedTransport(answers.Select(a => ScriptedTransport.Xml(HttpStatusCode.OK, a)).ToArray());
        var endpoint = service == "iam" ? QueryEndpoint.Iam(Aws) : QueryEndpoint.Redshift(Aws);
        return (new QueryApi(endpoint, Aws, RetrySpec.Immediate, transport), transport);
    }

    [Test]
    public async Task DescribeClusters_with_every_member_gives_the_first_cluster_with_its_roles_groups_and_endpoint()
    {
        var (api, _) = Api("redshift", BotocoreModel.Answer("redshift", "DescribeClusters", "full"));

        var cluster = await new Redshift(api).DescribeAsync("c", CancellationToken.None);

        Assert.That(cluster, Is.Not.Null);
        Assert.That(cluster!.Id, Is.EqualTo("ClusterIdentifier-1"));
        Assert.That(cluster.Status, Is.EqualTo("ClusterStatus-1"));
        Assert.That(cluster.NodeType, Is.EqualTo("NodeType-1"));
        Assert.That(cluster.Nodes, Is.EqualTo(7));
        Assert.That(cluster.Address, Is.EqualTo("Address-1"));
        Assert.That(cluster.Port, Is.EqualTo(7));
        Assert.That(cluster.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(cluster.IamRoleArns, Is.EqualTo(new[] { "IamRoleArn-1", "IamRoleArn-2" }));
        Assert.That(cluster.VpcSecurityGroupIds, Is.EqualTo(new[] { "VpcSecurityGroupId-1", "VpcSecurityGroupId-2" }));
    }

    [Test]
    public async Task DescribeClusters_without_optional_members_gives_a_cluster_with_defaults_not_an_error()
    {
        var (api, _) = Api("redshift", BotocoreModel.Answer("redshift", "DescribeClusters", "sparse"));

        var cluster = await new Redshift(api).DescribeAsync("c", CancellationToken.None);

        Assert.That(cluster, Is.Not.Null);
        Assert.That(cluster!.Status, Is.EqualTo("unknown"));
        Assert.That(cluster.Address, Is.Null);
        Assert.That(cluster.Port, Is.Null);
        Assert.That(cluster.CreatedAt, Is.Null);
        Assert.That(cluster.IamRoleArns, Is.Empty);
        Assert.That(cluster.VpcSecurityGroupIds, Is.Empty);
    }

    [Test]
    public async Task DescribeClusters_with_an_empty_list_means_no_cluster()
    {
        var (api, _) = Api("redshift", BotocoreModel.Answer("redshift", "DescribeClusters", "empty"));

        Assert.That(await new Redshift(api).DescribeAsync("c", CancellationToken.None), Is.Null);
        Assert.That(await new Redshift(api).StatusAsync("c", CancellationToken.None), Is.EqualTo("ClusterNotFound"));
    }

    [Test]
    public async Task CreateCluster_answer_gives_the_cluster()
    {
        var (api, _) = Api("redshift", BotocoreModel.Answer("redshift", "CreateCluster", "full"));
        var settings = MotoAccount.Config().Cluster;

        var cluster = await new Redshift(api).CreateAsync(new ClusterRequest(settings, "arn:r", "sg-1", null), CancellationToken.None);

        Assert.That(cluster.Id, Is.EqualTo("ClusterIdentifier-1"));
        Assert.That(cluster.IamRoleArns, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetRole_and_CreateRole_answers_give_the_roles_arn()
    {
        var (get, _) = Api("iam", BotocoreModel.Answer("iam", "GetRole", "full"));
        var (create, _) = Api("iam", BotocoreModel.Answer("iam", "CreateRole", "sparse"));

        Assert.That(await new Iam(get).RoleArnAsync("r", CancellationToken.None), Is.EqualTo("Arn-1"));
        Assert.That(await new Iam(create).CreateRoleAsync("r", "{}", CancellationToken.None), Is.EqualTo("Arn-1"));
    }

    [Test]
    public async Task Policy_lists_follow_a_truncated_page_to_the_next_and_stop_at_an_empty_one()
    {
        var (attached, seenAttached) = Api("iam", BotocoreModel.Answer("iam", "ListAttachedRolePolicies", "full"),
            BotocoreModel.Answer("iam", "ListAttachedRolePolicies", "empty"));
        var (inline, seenInline) = Api("iam", BotocoreModel.Answer("iam", "ListRolePolicies", "full"),
            BotocoreModel.Answer("iam", "ListRolePolicies", "empty"));

        var arns = await new Iam(attached).AttachedPolicyArnsAsync("r", CancellationToken.None);
        var names = await new Iam(inline).InlinePolicyNamesAsync("r", CancellationToken.None);

        Assert.That(arns, Is.EqualTo(new[] { "PolicyArn-1", "PolicyArn-2" }));
        Assert.That(names, Has.Count.EqualTo(2));
        Assert.That(seenAttached.Seen, Has.Count.EqualTo(2));
        Assert.That(seenAttached.Seen[1].Body, Does.Contain("Marker=Marker-1"));
        Assert.That(seenInline.Seen[1].Body, Does.Contain("Marker=Marker-1"));
    }

    [Test]
    public async Task Cluster_credentials_answers_give_user_password_and_expiry_and_a_sparse_one_a_clear_error()
    {
        var (full, _) = Api("redshift", BotocoreModel.Answer("redshift", "GetClusterCredentials", "full"));
        var (withIam, _) = Api("redshift", BotocoreModel.Answer("redshift", "GetClusterCredentialsWithIAM", "full"));
        var (sparse, _) = Api("redshift", BotocoreModel.Answer("redshift", "GetClusterCredentials", "sparse"));

        var login = await new Redshift(full).CredentialsAsync(Redshift.GetClusterCredentials("c", "u", "d"), CancellationToken.None);
        var identity = await new Redshift(withIam).CredentialsAsync(Redshift.GetClusterCredentialsWithIam("c", "d"), CancellationToken.None);
        var e = Assert.ThrowsAsync<PipelineException>(() =>
            new Redshift(sparse).CredentialsAsync(Redshift.GetClusterCredentials("c", "u", "d"), CancellationToken.None));

        Assert.That(login.User, Is.EqualTo("DbUser-1"));
        Assert.That(login.Password, Is.EqualTo("DbPassword-1"));
        Assert.That(login.Expires, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(login.ToString(), Does.Not.Contain("DbPassword-1"));
        Assert.That(identity.User, Is.EqualTo("DbUser-1"));
        Assert.That(e!.Message, Does.Contain("GetClusterCredentials answered without DbPassword"));
    }
}
