using Amazon.Runtime;
using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// Turns on moto's request authentication (its INITIAL_NO_AUTH_ACTION_COUNT, set at run time through
/// /moto-api/reset-auth): the next three actions create an IAM user allowed everything and its access key, and
/// from then on moto checks every request's SigV4 signature against that key, as AWS does. Off again restores
/// moto's default (no checks) for the tests that use its dummy credentials.
/// </summary>
public static class MotoAuth
{
    public const string UserName = "sparkify-test-caller";

    const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    /// Authentication on for the moto at <paramref name="endpoint"/>; returns the only credentials it accepts.
    public static async Task<AWSCredentials> OnAsync(string endpoint)
    {
        await SetAsync(endpoint, "3");
        var anyone = AwsContext.ForMoto(endpoint, "us-east-1");
        using var api = new QueryApi(QueryEndpoint.Iam(anyone), anyone, RetrySpec.Immediate);
        await api.SendAsync(QueryRequest.Of("CreateUser", Iam.Version, ("UserName", UserName)), CancellationToken.None);
        await api.SendAsync(QueryRequest.Of("PutUserPolicy", Iam.Version, ("UserName", UserName), ("PolicyName", "everything"),
            ("PolicyDocument", AllowAll)), CancellationToken.None);
        var key = await api.SendAsync(QueryRequest.Of("CreateAccessKey", Iam.Version, ("UserName", UserName)), CancellationToken.None);
        return new BasicAWSCredentials(QueryApi.Find(key, "AccessKeyId"), QueryApi.Find(key, "SecretAccessKey"));
    }

    public static Task OffAsync(string endpoint) => SetAsync(endpoint, "inf");

    static async Task SetAsync(string endpoint, string count)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{endpoint}/moto-api/reset-auth", new StringContent(count));
        response.EnsureSuccessStatusCode();
    }
}
