using Amazon;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;
using Profile = Sparkify.Pipeline.Config.Profile;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// What Provision, Teardown and Status work with, as explicit dependencies: where AWS is, the configuration, the
/// state file, the log, the price table, and the seams tests replace (retry pacing, the clock, public-IP detection).
/// </summary>
public sealed class AwsSession(AwsContext aws, DwhConfig config, Profile profile, StateFile state, PipelineLog log, Pricing prices)
    : IDisposable
{
    QueryApi? _iam, _redshift;
    Serverless.ServerlessApi? _serverless;
    Amazon.EC2.AmazonEC2Client? _ec2;

    public AwsContext Aws => aws;
    public DwhConfig Config => config;
    public Profile Profile => profile;

    public StateFile State => state;
    public PipelineLog Log => log;
    public Pricing Prices => prices;

    public RetrySpec Retry { get; init; } = RetrySpec.Standard;
    public WaitClock Clock { get; init; } = WaitClock.Real;
    public Func<CancellationToken, Task<string>> PublicIpSource { get; init; } = PublicIp.CheckIpAsync;

    /// The HTTP transport under the Query API clients; null = the network. Tests script AWS answers with it.
    public HttpMessageHandler? Transport { get; init; }

    /// DWH_DB_PASSWORD when set: the master password instead of a generated one.
    public string? PasswordFromEnvironment { get; init; }

    public Iam Iam => new(_iam ??= new QueryApi(QueryEndpoint.Iam(aws), aws, Retry, Transport));
    public Redshift Redshift => new(_redshift ??= new QueryApi(QueryEndpoint.Redshift(aws), aws, Retry, Transport));
    public Ingress Ingress => new(_ec2 ??= aws.Ec2());

    public Serverless.RedshiftServerless Serverless =>
        new(_serverless ??= new Serverless.ServerlessApi(Pipeline.Aws.Serverless.ServerlessApi.EndpointFor(aws), aws, Retry, Transport));

    /// [CLUSTER] kind = serverless in the aws profile; the local profile's moto has no Redshift Serverless.
    public bool IsServerless => profile == Profile.Aws && config.Cluster.Kind == WarehouseKind.Serverless;

    /// The warehouse's name as the ingress rule's description names it: the workgroup, or the cluster identifier.
    public string WarehouseName => IsServerless ? config.Serverless.Workgroup : config.Cluster.Identifier;

    /// The root the price tables are read from (pricing/).
    public string Root { get; init; } = ".";

    /// The ingress rule's CIDR when [NETWORK] ingress_cidr is not set: loopback locally, this machine's public IP on AWS.
    public Task<string> DefaultIngressCidrAsync(CancellationToken ct) =>
        profile == Profile.Local ? Task.FromResult("127.0.0.1/32") : PublicIp.DetectCidrAsync(PublicIpSource, ct);

    /// A region the SDK knows; a typo such as us-wset-2 fails here, before any call, naming the setting.
    public void RequireKnownRegion()
    {
        if (RegionEndpoint.EnumerableAllRegions.Any(r => r.SystemName == aws.Region)) return;
        throw new PipelineException($"[AWS] region '{aws.Region}' is not an AWS region (known: " +
                                    $"{string.Join(", ", RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).Order().Take(12))}, …)");
    }

    /// What the state file records lives in one region; working on another would lose track of it.
    public void RequireStateRegion(DwhState recorded, string target)
    {
        if (recorded.Region is { } region && region != aws.Region)
            throw new PipelineException($"{State.Path} records resources in {region}, but [AWS] region is {aws.Region}; run " +
                                        $"./build.sh Teardown --AWS:region={region} first, or {target} with --AWS:region={region}");
    }

    public void Dispose()
    {
        _iam?.Dispose();
        _redshift?.Dispose();
        _serverless?.Dispose();
        _ec2?.Dispose();
    }
}
