using Sparkify.Pipeline.Targets;

namespace Sparkify.Pipeline.Tests.Targets;

/// Teardown's AWS part against a real moto server: removes everything, any number of times, with or without state.
[NonParallelizable]
public class TeardownAwsTests
{
    static readonly CancellationToken None = CancellationToken.None;

    static async Task AssertNothingLeftAsync(MotoAccount moto)
    {
        Assert.That(await moto.Redshift().DescribeAsync("sparkify-dwh", None), Is.Null, "the cluster is still there");
        Assert.That(await moto.Iam().RoleArnAsync("sparkify-dwh-s3-read", None), Is.Null, "the role is still there");
        Assert.That(await moto.IngressAsync(5439), Is.Empty, "the ingress rule is still there");
    }

    [Test]
    public async Task Teardown_removes_cluster_rule_and_role_and_a_second_teardown_succeeds()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var provision = moto.Session()) await Provision.RunAsync(provision, None);

        using var first = moto.Session();
        var removed = await TeardownAws.RunAsync(first, null, None);
        using var second = moto.Session();
        var again = await TeardownAws.RunAsync(second, null, None);

        await AssertNothingLeftAsync(moto);
        Assert.That(removed.Removed, Is.EqualTo(new[] { "cluster sparkify-dwh", "ingress 127.0.0.1/32:5439", "role sparkify-dwh-s3-read" }));
        Assert.That(again.Removed, Is.Empty);
        Assert.That(again.AlreadyGone, Is.EqualTo(new[] { "cluster sparkify-dwh", "ingress on port 5439", "role sparkify-dwh-s3-read" }));
        var state = moto.State.Load();
        Assert.That((state.RoleArn, state.ClusterId, state.Endpoint, state.DbPassword, state.IngressCidr), Is.EqualTo(((string?)null, (string?)null, (string?)null, (string?)null, (string?)null)));
    }

    [Test]
    public async Task Teardown_with_the_state_file_lost_works_from_the_names_in_dwh_cfg()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var provision = moto.Session("NETWORK:ingress_cidr=203.0.113.7/32", "IAM_ROLE:least_privilege=true"))
            await Provision.RunAsync(provision, None);
        moto.State.Delete();

        using var session = moto.Session();
        var result = await TeardownAws.RunAsync(session, null, None);

        await AssertNothingLeftAsync(moto);
        Assert.That(result.Removed, Is.EqualTo(new[] { "cluster sparkify-dwh", "ingress 203.0.113.7/32:5439", "role sparkify-dwh-s3-read" }));
    }

    [Test]
    public async Task Teardown_leaves_ingress_rules_that_are_not_its_own()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var provision = moto.Session()) await Provision.RunAsync(provision, None);
        using (var ec2 = moto.Context().Ec2())
        {
            var ingress = new Sparkify.Pipeline.Aws.Ingress(ec2);
            var group = await ingress.DefaultSecurityGroupAsync("us-west-2", None);
            await ingress.AuthorizeAsync(group, 5439, "192.0.2.1/32", "someone else's rule", None);
        }
        moto.State.Delete();

        using var session = moto.Session();
        await TeardownAws.RunAsync(session, null, None);

        Assert.That((await moto.IngressAsync(5439)).Select(r => r.CidrIp), Is.EqualTo(new[] { "192.0.2.1/32" }));
    }

    [Test]
    public async Task Teardown_with_a_final_snapshot_keeps_it_and_refuses_a_bad_name()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var provision = moto.Session()) await Provision.RunAsync(provision, None);

        using var bad = moto.Session();
        var e = Assert.ThrowsAsync<PipelineException>(() => TeardownAws.RunAsync(bad, "Bad_Name", None));
        using var good = moto.Session();
        await TeardownAws.RunAsync(good, "sparkify-last", None);

        Assert.That(e!.Message, Does.Contain("--final-snapshot=Bad_Name is not a snapshot identifier"));
        Assert.That(moto.Output.ToString(), Does.Contain("final snapshot sparkify-last"));
        await AssertNothingLeftAsync(moto);
    }

    [Test]
    public async Task Teardown_in_another_region_than_the_state_records_refuses_and_says_which()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var provision = moto.Session()) await Provision.RunAsync(provision, None);

        using var elsewhere = moto.Session(Sparkify.Pipeline.Config.Profile.Local,
            moto.Context("eu-west-1"), "AWS:region=eu-west-1");
        var e = Assert.ThrowsAsync<PipelineException>(() => TeardownAws.RunAsync(elsewhere, null, None));

        Assert.That(e!.Message, Does.Contain("records resources in us-west-2, but [AWS] region is eu-west-1"));
        Assert.That(await moto.Redshift().DescribeAsync("sparkify-dwh", None), Is.Not.Null, "nothing may be deleted");
    }
}
