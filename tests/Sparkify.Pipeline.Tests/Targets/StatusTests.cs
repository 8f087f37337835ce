using Sparkify.Pipeline.Targets;

namespace Sparkify.Pipeline.Tests.Targets;

/// Status against a real moto server: what exists now, read from the service, not from the state file.
[NonParallelizable]
public class StatusTests
{
    static readonly CancellationToken None = CancellationToken.None;

    [Test]
    [Description("Issue 28: the local profile prints no AWS cost")]
    public async Task Status_shows_the_role_the_available_cluster_its_endpoint_uptime_and_ingress_and_no_cost_locally()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var provision = moto.Session()) await Provision.RunAsync(provision, None);

        using var session = moto.Session();
        var status = await Status.RunAsync(session, None);

        Assert.That(status.RoleArn, Does.EndWith(":role/sparkify-dwh-s3-read"));
        Assert.That(status.Policies, Is.EqualTo(new[] { "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" }));
        Assert.That(status.ClusterStatus, Is.EqualTo("available"));
        Assert.That(status.Endpoint, Is.EqualTo(moto.State.Load().Endpoint).And.Not.Null);
        Assert.That(status.Uptime, Is.GreaterThanOrEqualTo(TimeSpan.Zero));
        Assert.That(status.CostSoFar, Is.Null);
        Assert.That(status.IngressCidrs, Is.EqualTo(new[] { "127.0.0.1/32" }));
        Assert.That(moto.Output.ToString(), Does.Contain("cluster  sparkify-dwh: available, 1 x ra3.large"));
        Assert.That(moto.Output.ToString(), Does.Contain("no cost (the local profile's cluster is on moto)").And.Not.Contain("USD"));
    }

    [Test]
    public async Task On_the_aws_profile_status_shows_the_cost_so_far()
    {
        using var moto = await MotoAccount.FreshAsync();
        var aws = new Sparkify.Pipeline.Aws.AwsContext("us-west-2", moto.Endpoint, moto.Credentials);
        using (var provision = moto.Session(Sparkify.Pipeline.Config.Profile.Aws, aws, "NETWORK:ingress_cidr=127.0.0.1/32"))
            await Provision.RunAsync(provision, None);

        using var session = moto.Session(Sparkify.Pipeline.Config.Profile.Aws, aws, "NETWORK:ingress_cidr=127.0.0.1/32");
        var status = await Status.RunAsync(session, None);

        Assert.That(status.CostSoFar, Is.GreaterThanOrEqualTo(0m));
        Assert.That(moto.Output.ToString(), Does.Contain("cost so far about").And.Contain("USD"));
    }

    [Test]
    public async Task Status_reads_the_service_so_a_cluster_deleted_elsewhere_shows_as_none()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var provision = moto.Session()) await Provision.RunAsync(provision, None);
        await moto.Redshift().DeleteAsync("sparkify-dwh", null, None);

        using var session = moto.Session();
        var status = await Status.RunAsync(session, None);

        Assert.That(status.ClusterStatus, Is.Null);
        Assert.That(moto.Output.ToString(), Does.Contain("cluster  sparkify-dwh: none"));
    }
}
