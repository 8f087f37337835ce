using System.Net;
using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Tests.Aws;

namespace Sparkify.Pipeline.Tests.Targets;

/// Teardown's cluster step against scripted Redshift answers: the states moto skips (creating, deleting).
public class TeardownClusterTests
{
    static Func<HttpResponseMessage> Cluster(string status) => ScriptedTransport.Xml(HttpStatusCode.OK,
        "<DescribeClustersResponse xmlns=\"http://redshift.amazonaws.com/doc/2012-12-01/\"><DescribeClustersResult><Clusters><Cluster>" +
        $"<ClusterIdentifier>sparkify-dwh</ClusterIdentifier><ClusterStatus>{status}</ClusterStatus><NodeType>dc2.large</NodeType>" +
        "<NumberOfNodes>4</NumberOfNodes></Cluster></Clusters></DescribeClustersResult></DescribeClustersResponse>");

    static Func<HttpResponseMessage> Error(HttpStatusCode status, string code) => ScriptedTransport.Xml(status, ScriptedTransport.Error(code, code));

    [Test]
    public async Task Cluster_still_creating_is_waited_for_then_deleted_and_waited_for_until_not_found()
    {
        using var dir = new TempDir("tdc");
        var transport = new ScriptedTransport(
            Cluster("creating"), Error(HttpStatusCode.BadRequest, "InvalidClusterState"),
            Cluster("creating"), Cluster("available"),
            Cluster("deleting"),
            Cluster("deleting"), Error(HttpStatusCode.NotFound, "ClusterNotFound"));
        var sleeps = new List<TimeSpan>();
        var now = DateTimeOffset.UnixEpoch;
        var output = new StringWriter();
        using var session = new AwsSession(new AwsContext("us-west-2", null, new BasicAWSCredentials("AKIDEXAMPLE", "secret-key-example")),
            MotoAccount.Config(), Profile.Aws, new StateFile(dir.File("state.json")), new PipelineLog(output), Pricing.Load(Repo.Root))
        {
            Retry = RetrySpec.Immediate, Transport = transport,
            Clock = new WaitClock(() => now, (d, _) => { sleeps.Add(d); now += d; return Task.CompletedTask; }),
        };
        var result = new TeardownResult();

        await TeardownCluster.RunAsync(session, "sparkify-dwh", null, result, CancellationToken.None);

        Assert.That(transport.Seen.Select(s => s.Body.Split('&')[0]), Is.EqualTo(new[]
        {
            "Action=DescribeClusters", "Action=DeleteCluster", "Action=DescribeClusters", "Action=DescribeClusters",
            "Action=DeleteCluster", "Action=DescribeClusters", "Action=DescribeClusters",
        }));
        Assert.That(result.Removed, Is.EqualTo(new[] { "cluster sparkify-dwh" }));
        Assert.That(sleeps, Is.EqualTo(new[] { WaitSpec.DefaultDelay, WaitSpec.DefaultDelay }));
        Assert.That(output.ToString(), Does.Contain("is 'creating' and cannot be deleted yet").And.Contain("cluster sparkify-dwh is deleted (ClusterNotFound)"));
    }

    [Test]
    public async Task Cluster_already_deleting_is_only_waited_for()
    {
        using var dir = new TempDir("tdc");
        var transport = new ScriptedTransport(Cluster("deleting"), Error(HttpStatusCode.NotFound, "ClusterNotFound"));
        using var session = new AwsSession(new AwsContext("us-west-2", null, new BasicAWSCredentials("AKIDEXAMPLE", "secret-key-example")),
            MotoAccount.Config(), Profile.Aws, new StateFile(dir.File("state.json")), new PipelineLog(TextWriter.Null), Pricing.Load(Repo.Root))
        {
            Retry = RetrySpec.Immediate, Transport = transport,
            Clock = new WaitClock(() => DateTimeOffset.UnixEpoch, (_, _) => Task.CompletedTask),
        };
        var result = new TeardownResult();

        await TeardownCluster.RunAsync(session, "sparkify-dwh", null, result, CancellationToken.None);

        Assert.That(transport.Seen.Select(s => s.Body.Split('&')[0]), Has.None.EqualTo("Action=DeleteCluster"));
        Assert.That(result.Removed, Is.EqualTo(new[] { "cluster sparkify-dwh" }));
    }
}
