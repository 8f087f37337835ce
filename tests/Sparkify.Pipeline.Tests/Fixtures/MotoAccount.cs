using System.Collections;
using Amazon.Runtime;
using Amazon.EC2.Model;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// One test's view of a real moto server: sessions built the way a run builds them (repository dwh.cfg plus
/// overrides, a state file in a temp folder, a log captured as text), and independent reads of what exists.
/// A fresh account has moto's request authentication on (<see cref="MotoAuth"/>): every call is signed with
/// an IAM user's key and moto verifies the signature, as AWS does.
/// </summary>
sealed class MotoAccount(string endpoint, AWSCredentials? credentials = null) : IDisposable
{
    readonly TempDir _dir = new("aws");

    public string Endpoint => endpoint;

    /// The access key moto accepts (null: moto's dummy credentials, authentication off).
    public AWSCredentials Credentials => credentials ?? AwsContext.MotoCredentials;

    /// Where calls go and who signs them, for a region (the SDK-free equivalent of AwsContext.ForMoto).
    public AwsContext Context(string region = "us-west-2") =>
        new(region, endpoint, Credentials) { Origin = $"the local moto at {endpoint} ([LOCAL] moto_port)" };
    public StringWriter Output { get; } = new();
    public StateFile State => new(_dir.File("state-local.json"));

    public static async Task<MotoAccount> FreshAsync()
    {
        await MotoFixture.ResetAsync();
        var endpoint = await MotoFixture.EndpointAsync();
        return new MotoAccount(endpoint, await MotoAuth.OnAsync(endpoint));
    }

    public static DwhConfig Config(params string[] settings) => DwhConfig.FromFile(Path.Combine(Repo.Root, "dwh.cfg"), new Hashtable(),
        settings.Select(s => ConfigLayers.FromArgument(s[..s.IndexOf(':')], s[(s.IndexOf(':') + 1)..])!));

    /// A ./build.sh that signs its calls with this account's key, given in the environment (the SDK's default chain),
    /// and never asks instance metadata; returns the key, whose secret a test checks the output never shows.
    public async Task<ImmutableCredentials> SignInAsync(BuildScript build)
    {
        var key = await Credentials.GetCredentialsAsync();
        build.Environment["AWS_ACCESS_KEY_ID"] = key.AccessKey;
        build.Environment["AWS_SECRET_ACCESS_KEY"] = key.SecretKey;
        build.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        return key;
    }

    public AwsSession Session(params string[] settings) => Session(Profile.Local, Context(), settings);

    public AwsSession Session(Profile profile, AwsContext aws, params string[] settings) =>
        new(aws, Config(settings), profile, State, new PipelineLog(Output), Pricing.Load(Repo.Root)) { Retry = RetrySpec.Immediate };

    public Iam Iam() => new(new QueryApi(QueryEndpoint.Iam(Context()), Context(), RetrySpec.Immediate));

    public Redshift Redshift() => new(new QueryApi(QueryEndpoint.Redshift(Context()), Context(), RetrySpec.Immediate));

    /// The IPv4 ranges on a port of the default VPC's default group, read through the EC2 SDK.
    public async Task<IReadOnlyList<IpRange>> IngressAsync(int port)
    {
        using var ec2 = Context().Ec2();
        var ingress = new Ingress(ec2);
        return await ingress.CidrsAsync(await ingress.DefaultSecurityGroupAsync("us-west-2", CancellationToken.None), port, CancellationToken.None);
    }

    public void Dispose()
    {
        if (credentials is not null) MotoAuth.OffAsync(endpoint).GetAwaiter().GetResult();
        TestContext.Out.WriteLine(Output.ToString());
        _dir.Dispose();
    }
}
