using System.Collections;
using Amazon.EC2.Model;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Targets;

/// <summary>
/// One test's view of a real moto server: sessions built the way a run builds them (repository dwh.cfg plus
/// overrides, a state file in a temp folder, a log captured as text), and independent reads of what exists.
/// </summary>
sealed class MotoAccount(string endpoint) : IDisposable
{
    readonly TempDir _dir = new("aws");

    public string Endpoint => endpoint;
    public StringWriter Output { get; } = new();
    public StateFile State => new(_dir.File("state-local.json"));

    public static async Task<MotoAccount> FreshAsync()
    {
        await MotoFixture.ResetAsync();
        return new MotoAccount(await MotoFixture.EndpointAsync());
    }

    public static DwhConfig Config(params string[] settings) => DwhConfig.FromFile(Path.Combine(Repo.Root, "dwh.cfg"), new Hashtable(),
        settings.Select(s => ConfigLayers.FromArgument(s[..s.IndexOf(':')], s[(s.IndexOf(':') + 1)..])!));

    public AwsSession Session(params string[] settings) => Session(Profile.Local, AwsContext.ForMoto(endpoint, "us-west-2"), settings);

    public AwsSession Session(Profile profile, AwsContext aws, params string[] settings) =>
        new(aws, Config(settings), profile, State, new PipelineLog(Output), Pricing.Load(Repo.Root)) { Retry = RetrySpec.Immediate };

    public Iam Iam() => new(new QueryApi(QueryEndpoint.Iam(AwsContext.ForMoto(endpoint, "us-west-2")), AwsContext.ForMoto(endpoint, "us-west-2"), RetrySpec.Immediate));

    public Redshift Redshift() => new(new QueryApi(QueryEndpoint.Redshift(AwsContext.ForMoto(endpoint, "us-west-2")), AwsContext.ForMoto(endpoint, "us-west-2"), RetrySpec.Immediate));

    /// The IPv4 ranges on a port of the default VPC's default group, read through the EC2 SDK.
    public async Task<IReadOnlyList<IpRange>> IngressAsync(int port)
    {
        using var ec2 = AwsContext.ForMoto(endpoint, "us-west-2").Ec2();
        var ingress = new Ingress(ec2);
        return await ingress.CidrsAsync(await ingress.DefaultSecurityGroupAsync("us-west-2", CancellationToken.None), port, CancellationToken.None);
    }

    public void Dispose()
    {
        TestContext.Out.WriteLine(Output.ToString());
        _dir.Dispose();
    }
}
