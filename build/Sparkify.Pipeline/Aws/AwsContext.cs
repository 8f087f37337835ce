using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// Where AWS calls go and with which identity. aws profile: the SDK's default credential chain and AWS's own
/// endpoints (or [AWS] endpoint). local profile: the local moto server, which accepts any well-formed credentials.
/// </summary>
public sealed class AwsContext(string region, string? serviceUrl, AWSCredentials? credentials)
{
    /// moto ignores credentials but the signature needs some; these are moto's documented dummy values.
    public static readonly AWSCredentials MotoCredentials = new BasicAWSCredentials("testing", "testing");

    public string Region { get; } = region;

    /// Null for AWS's own endpoints.
    public string? ServiceUrl { get; } = serviceUrl;

    /// Where Redshift Serverless calls go when not with the rest ([AWS] serverless_endpoint); null: ServiceUrl, else AWS's own.
    public string? ServerlessUrl { get; init; }

    /// Null means the SDK's default credential chain.
    public AWSCredentials? Credentials { get; } = credentials;

    /// How long one AWS request may take before it counts as failed (then retried, a bounded number of times): an
    /// endpoint that never answers fails the call instead of hanging it.
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// The setting that decides where calls go, for errors: "[AWS] region = us-west-2", the endpoint, or the local moto.
    public string Origin { get; init; } = serviceUrl is null ? $"[AWS] region = {region}" : $"[AWS] endpoint = {serviceUrl}";

    public static AwsContext ForMoto(string endpoint, string region) =>
        new(region, endpoint, MotoCredentials) { Origin = $"the local moto at {endpoint} ([LOCAL] moto_port)" };

    public AmazonS3Client S3(string? region = null)
    {
        // Objects of the sample are small, but a daily log can take longer than a control-plane call.
        var config = new AmazonS3Config { ForcePathStyle = ServiceUrl is not null, Timeout = CallTimeout * 4 };
        Configure(config, region ?? Region);
        return Credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(Credentials, config);
    }

    public AmazonEC2Client Ec2()
    {
        var config = new AmazonEC2Config { Timeout = CallTimeout };
        Configure(config, Region);
        return Credentials is null ? new AmazonEC2Client(config) : new AmazonEC2Client(Credentials, config);
    }

    void Configure(ClientConfig config, string region)
    {
        if (ServiceUrl is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            return;
        }
        config.ServiceURL = ServiceUrl;
        config.AuthenticationRegion = region;
    }
}
