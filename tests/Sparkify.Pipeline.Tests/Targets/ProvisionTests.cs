using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Targets;

namespace Sparkify.Pipeline.Tests.Targets;

/// Provision against a real moto server: what it creates, and that running it again changes nothing.
[NonParallelizable]
public class ProvisionTests
{
    static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Provision_creates_the_role_with_its_policy_the_cluster_with_the_role_and_the_ingress_rule()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session();

        var result = await Provision.RunAsync(session, None);

        var roleArn = await moto.Iam().RoleArnAsync("sparkify-dwh-s3-read", None);
        Assert.That(roleArn, Is.EqualTo(result.RoleArn).And.Not.Null);
        Assert.That(await moto.Iam().AttachedPolicyArnsAsync("sparkify-dwh-s3-read", None),
            Is.EqualTo(new[] { "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" }));
        var cluster = await moto.Redshift().DescribeAsync("sparkify-dwh", None);
        Assert.That(cluster!.Status, Is.EqualTo("available"));
        Assert.That(cluster.IamRoleArns, Is.EqualTo(new[] { roleArn }));
        Assert.That((cluster.NodeType, cluster.Nodes, cluster.Port), Is.EqualTo(("ra3.large", 1, (int?)5439)));
        Assert.That((await moto.IngressAsync(5439)).Select(r => r.CidrIp), Is.EqualTo(new[] { "127.0.0.1/32" }));
        Assert.That(result.Created, Is.EqualTo(new[]
            { "role sparkify-dwh-s3-read", "policy arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "cluster sparkify-dwh", "ingress 127.0.0.1/32:5439" }));
    }

    [Test]
    public async Task Provision_records_what_it_made_in_the_owner_only_state_file()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session();

        var result = await Provision.RunAsync(session, None);

        var state = moto.State.Load();
        Assert.That((state.Profile, state.Region, state.RoleArn, state.ClusterId), Is.EqualTo(("local", "us-west-2", result.RoleArn, "sparkify-dwh")));
        Assert.That((state.Endpoint, state.Port, state.IngressCidr, state.IngressPort), Is.EqualTo((result.Endpoint, (int?)5439, "127.0.0.1/32", (int?)5439)));
        Assert.That(state.SecurityGroupId, Does.StartWith("sg-"));
        Assert.That(state.CreatedAt, Is.Not.Null);
        Assert.That(state.DbPassword, Is.Null, "auth = iam (dwh.cfg): AWS manages the master password, none is kept here");
        Assert.That(File.GetUnixFileMode(moto.State.Path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task Provision_with_auth_password_generates_a_master_password_into_the_state_file()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session("CLUSTER:auth=password");

        await Provision.RunAsync(session, None);

        Assert.That(Sparkify.Pipeline.State.Passwords.MeetsRedshiftRules(moto.State.Load().DbPassword!), Is.True);
    }

    [Test]
    public async Task Second_provision_changes_nothing_and_succeeds()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var first = moto.Session();
        await Provision.RunAsync(first, None);
        var stateBefore = File.ReadAllText(moto.State.Path);

        using var second = moto.Session();
        var result = await Provision.RunAsync(second, None);

        Assert.That(result.ChangedNothing, Is.True, string.Join(", ", result.Created));
        Assert.That(result.Kept, Has.Count.EqualTo(4));
        Assert.That(File.ReadAllText(moto.State.Path), Is.EqualTo(stateBefore));
        Assert.That(await moto.IngressAsync(5439), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Provision_after_the_cluster_was_deleted_behind_its_back_recreates_only_the_cluster()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var first = moto.Session();
        await Provision.RunAsync(first, None);
        await moto.Redshift().DeleteAsync("sparkify-dwh", null, None);

        using var second = moto.Session();
        var result = await Provision.RunAsync(second, None);

        Assert.That(result.Created, Is.EqualTo(new[] { "cluster sparkify-dwh" }));
        Assert.That((await moto.Redshift().DescribeAsync("sparkify-dwh", None))!.Status, Is.EqualTo("available"));
    }

    [Test]
    public async Task Least_privilege_puts_an_inline_s3_read_policy_instead_of_attaching_one()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session("IAM_ROLE:least_privilege=true");

        await Provision.RunAsync(session, None);

        Assert.That(await moto.Iam().InlinePolicyNamesAsync("sparkify-dwh-s3-read", None), Is.EqualTo(new[] { RolePolicies.InlinePolicyName }));
        Assert.That(await moto.Iam().AttachedPolicyArnsAsync("sparkify-dwh-s3-read", None), Is.Empty);
    }

    [Test]
    public async Task Ingress_open_to_the_world_only_when_written_and_then_with_a_warning()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session("NETWORK:ingress_cidr=0.0.0.0/0");

        await Provision.RunAsync(session, None);

        Assert.That(moto.Output.ToString(), Does.Contain("warning: [NETWORK] ingress_cidr = 0.0.0.0/0 opens the cluster port to the whole internet"));
        Assert.That((await moto.IngressAsync(5439)).Select(r => r.CidrIp), Is.EqualTo(new[] { "0.0.0.0/0" }));
    }

    [Test]
    public async Task Changed_ingress_cidr_replaces_the_previous_rule()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var first = moto.Session("NETWORK:ingress_cidr=203.0.113.7/32")) await Provision.RunAsync(first, None);

        using var second = moto.Session("NETWORK:ingress_cidr=198.51.100.0/24");
        await Provision.RunAsync(second, None);

        Assert.That((await moto.IngressAsync(5439)).Select(r => r.CidrIp), Is.EqualTo(new[] { "198.51.100.0/24" }));
    }

    [Test]
    public async Task Aws_profile_defaults_the_ingress_to_the_detected_public_ip()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session(Sparkify.Pipeline.Config.Profile.Aws, new AwsContext("us-west-2", moto.Endpoint, moto.Credentials));
        using var detected = new AwsSession(session.Aws, session.Config, session.Profile, session.State, session.Log, session.Prices)
            { Retry = RetrySpec.Immediate, PublicIpSource = _ => Task.FromResult("198.51.100.23\n") };

        await Provision.RunAsync(detected, None);

        Assert.That((await moto.IngressAsync(5439)).Select(r => r.CidrIp), Is.EqualTo(new[] { "198.51.100.23/32" }));
    }

    [Test]
    public async Task Provision_prints_the_cost_estimate_before_creating_the_cluster()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session(Sparkify.Pipeline.Config.Profile.Aws, new AwsContext("us-west-2", moto.Endpoint, moto.Credentials),
            "CLUSTER:cluster_type=multi-node", "CLUSTER:num_nodes=2", "NETWORK:ingress_cidr=127.0.0.1/32");

        await Provision.RunAsync(session, None);

        var log = moto.Output.ToString();
        Assert.That(log, Does.Contain("Cost estimate: 2 x ra3.large in us-west-2: about 1.09 USD per hour"));
        Assert.That(log.IndexOf("Cost estimate", StringComparison.Ordinal), Is.LessThan(log.IndexOf("requested", StringComparison.Ordinal)));
    }

    [Test]
    [Description("Issue 28: a local run printed an AWS cost estimate, and tcp/5439 when the warehouse's port was another")]
    public async Task Local_provision_prints_no_cost_and_names_the_local_warehouse_port()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session("LOCAL:pg_port=25446");

        await Provision.RunAsync(session, None);

        var log = moto.Output.ToString();
        Assert.That(log, Does.Not.Contain("Cost estimate").And.Not.Contain("USD"));
        Assert.That(log, Does.Contain("on tcp/25446").And.Not.Contain("5439"));
        Assert.That((await moto.IngressAsync(25446)).Select(r => r.CidrIp), Is.EqualTo(new[] { "127.0.0.1/32" }));
    }
}
