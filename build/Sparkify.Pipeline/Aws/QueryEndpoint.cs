namespace Sparkify.Pipeline.Aws;

/// <summary>
/// Where a Query API lives and how its signature is scoped. IAM is global: iam.amazonaws.com, signed for us-east-1
/// (IAM endpoints documentation). Redshift is regional. With a custom endpoint (moto) every service shares it and
/// moto tells the services apart by the signature's credential scope.
/// </summary>
public sealed record QueryEndpoint(string Service, Uri Url, string SigningRegion)
{
    public static QueryEndpoint Iam(AwsContext aws) =>
        new("iam", aws.ServiceUrl is { } url ? new Uri(url) : new Uri("https://iam.amazonaws.com/"), "us-east-1");

    public static QueryEndpoint Redshift(AwsContext aws) =>
        new("redshift", aws.ServiceUrl is { } url ? new Uri(url) : new Uri($"https://redshift.{aws.Region}.amazonaws.com/"), aws.Region);
}
