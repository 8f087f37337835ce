using System.Text.Json.Nodes;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Targets;

/// Plan lists what Provision would do, the SQL and the cost, against an authenticated moto, and changes nothing there.
public class PlanAwsTests
{
    static readonly CancellationToken None = CancellationToken.None;

    /// Records the Action of every Query API call that leaves the process (after signing).
    sealed class ActionLog() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<string> Actions { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            lock (Actions) Actions.Add(body.Split('&')[0].Replace("Action=", ""));
            return await base.SendAsync(request, ct);
        }
    }

    /// moto's own count of every IAM, Redshift and EC2 resource, by type (moto's /moto-api/data.json).
    static async Task<string> ResourceCountsAsync(string endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var data = JsonNode.Parse(await http.GetStringAsync($"{endpoint}/moto-api/data.json"))!.AsObject();
        return string.Join(", ", new[] { "iam", "redshift", "ec2" }.SelectMany(service => data[service]!.AsObject()
            .Select(model => $"{service}.{model.Key}={model.Value!.AsArray().Count}")));
    }

    [Test]
    public async Task Plan_on_an_empty_account_lists_every_call_the_sql_and_the_cost_and_changes_nothing()
    {
        using var moto = await MotoAccount.FreshAsync();
        var actions = new ActionLog();
        using var session = new AwsSession(moto.Context(), MotoAccount.Config("NETWORK:ingress_cidr=203.0.113.7/32"),
            Sparkify.Pipeline.Config.Profile.Aws, moto.State, new PipelineLog(moto.Output), Pricing.Load(Repo.Root))
        {
            Retry = RetrySpec.Immediate, Transport = actions,
        };
        // moto creates a region's default Redshift parameter and security groups on its first read of that region;
        // read once first, so the comparison sees only what Plan itself could have changed.
        await moto.Redshift().DescribeAsync("warm-up", None);
        await moto.IngressAsync(5439);
        var before = await ResourceCountsAsync(moto.Endpoint);

        var plan = await Plan.RunAsync(session, SqlFiles.In(Repo.Root), None);

        Assert.That(await ResourceCountsAsync(moto.Endpoint), Is.EqualTo(before), "moto holds exactly what it held before");
        Assert.That(actions.Actions, Is.Not.Empty.And.All.Match("^(Get|List|Describe)"), "only reads reached IAM and Redshift");
        Assert.That(plan.Calls.Select(c => c.Split(' ')[1]), Is.EqualTo(new[]
        {
            "CreateRole", "AttachRolePolicy", "CreateCluster", "DescribeClusters", "AuthorizeSecurityGroupIngress",
        }));
        Assert.That(plan.Calls[2], Does.Contain("ManageMasterPassword (true)").And.Not.Contain("MasterUserPassword"));
        Assert.That(plan.Calls[4], Does.Contain("CidrIp=203.0.113.7/32").And.Contain("FromPort=5439"));
        Assert.That(plan.Cost, Does.Contain("1 x ra3.large in us-west-2: about 0.54 USD per hour"));
        Assert.That(plan.Statements, Has.Some.Contains("GetClusterCredentials (DbUser=sparkify_admin"));
        Assert.That(plan.Statements.Count(s => s.Contains("create table", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(Tables.Created.Count));
        var copies = plan.Statements.Where(s => s.StartsWith("copy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(copies, Has.Count.EqualTo(2));
        Assert.That(copies, Has.All.Contains("arn:aws:iam::<account>:role/sparkify-dwh-s3-read"));
        Assert.That(moto.State.Load().ClusterId, Is.Null, "no state recorded either");
    }

    [Test]
    public async Task Plan_after_Provision_finds_everything_in_place_and_never_prints_the_account()
    {
        using var moto = await MotoAccount.FreshAsync();
        using (var provision = moto.Session()) await Provision.RunAsync(provision, None);
        var output = new StringWriter();
        using var session = new AwsSession(moto.Context(), MotoAccount.Config(), Sparkify.Pipeline.Config.Profile.Local, moto.State,
            new PipelineLog(output), Pricing.Load(Repo.Root)) { Retry = RetrySpec.Immediate };

        var plan = await Plan.RunAsync(session, SqlFiles.In(Repo.Root), None);

        Assert.That(plan.Calls, Is.Empty);
        Assert.That(plan.Existing, Has.Some.StartsWith("role sparkify-dwh-s3-read").And.Some.StartsWith("cluster sparkify-dwh (available")
            .And.Some.StartsWith("ingress 127.0.0.1/32 on tcp/5439"));
        Assert.That(plan.Cost, Does.Contain("already running"));
        Assert.That(output.ToString(), Does.Contain("Provision would call: nothing").And.Not.Contain("123456789012"));
    }
}
