using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// What every hand-built AWS client here shares (the Query APIs of IAM and Redshift, Redshift Serverless' JSON 1.1):
/// an HttpClient whose requests AWSSDK.Core's public SigV4SigningHandler signs with credentials from the SDK's
/// default chain, and the retry loop of <see cref="RetrySpec"/>. The caller builds the request and reads the error.
/// </summary>
public sealed class SignedHttp(QueryEndpoint endpoint, AwsContext aws, RetrySpec retry, HttpMessageHandler? transport = null) : IDisposable
{
    readonly SemaphoreSlim _gate = new(1, 1);
    HttpClient? _http;

    /// Fixes the signature's timestamp: tests pin the signed request's exact shape with it.
    public DateTime? SignedAt { get; init; }

    /// Sends <paramref name="build"/>'s request until it succeeds or fails for good; the successful answer's body.
    /// <paramref name="error"/> reads an AWS error answer; throttling and 5xx are retried, broken connections too.
    public async Task<string> SendAsync(string action, Func<HttpRequestMessage> build, Func<string, HttpStatusCode, HttpResponseMessage,
        AmazonServiceException> error, CancellationToken ct)
    {
        var http = await ClientAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var message = build();
                using var response = await http.SendAsync(message, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode) return body;
                var refusal = error(body, response.StatusCode, response);
                if (attempt >= retry.MaxAttempts || !RetrySpec.IsRetryable(response.StatusCode, refusal.ErrorCode)) throw refusal;
            }
            catch (Exception e) when (IsNetworkFailure(e, ct))
            {
                if (attempt >= retry.MaxAttempts)
                    throw new PipelineException($"could not reach {endpoint.Service} at {endpoint.Url} for {action} after {attempt} " +
                                                $"attempts ({e.Message}); check {aws.Origin} and that the service is up", e);
            }
            await Task.Delay(retry.DelayAfter(attempt), ct);
        }
    }

    static bool IsNetworkFailure(Exception e, CancellationToken ct) =>
        e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested);

    async Task<HttpClient> ClientAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_http is not null) return _http;
            var signing = new AWSSigV4Parameters
            {
                Credentials = aws.Credentials ?? await DefaultCredentialsAsync(ct),
                Region = RegionEndpoint.GetBySystemName(endpoint.SigningRegion),
                Service = endpoint.Service,
                SignPayload = true,
                SignedAt = SignedAt,
            };
            var signer = new SigV4SigningHandler(signing, transport ?? new SocketsHttpHandler());
            return _http = new HttpClient(signer) { Timeout = aws.CallTimeout };
        }
        finally
        {
            _gate.Release();
        }
    }

    static async Task<AWSCredentials> DefaultCredentialsAsync(CancellationToken ct)
    {
        try
        {
            return await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null!, ct);
        }
        catch (AmazonClientException e)
        {
            throw new PipelineException("no AWS credentials: the AWS SDK's default chain found none (environment AWS_ACCESS_KEY_ID/" +
                                        "AWS_SECRET_ACCESS_KEY, AWS_PROFILE and ~/.aws, SSO, web identity, container or instance role); " +
                                        $"configure one of them, see README 'AWS credentials' ({e.Message})");
        }
    }

    public void Dispose()
    {
        _http?.Dispose();
        _gate.Dispose();
    }
}
