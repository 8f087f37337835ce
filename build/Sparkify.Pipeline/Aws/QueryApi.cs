using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// A small client for AWS Query APIs (IAM, Redshift) over AWSSDK.Core: form POSTs signed by the SDK's public
/// SigV4SigningHandler with credentials from the SDK's default chain, retried per <see cref="RetrySpec"/>, XML
/// answers returned as elements and AWS errors thrown as <see cref="AmazonServiceException"/> with their ErrorCode.
/// </summary>
public sealed class QueryApi(QueryEndpoint endpoint, AwsContext aws, RetrySpec retry, HttpMessageHandler? transport = null) : IDisposable
{
    readonly SemaphoreSlim _gate = new(1, 1);
    HttpClient? _http;

    public QueryEndpoint Endpoint => endpoint;

    /// Fixes the signature's timestamp: tests pin the signed request's exact shape with it.
    public DateTime? SignedAt { get; init; }

    public async Task<XElement> SendAsync(QueryRequest request, CancellationToken ct)
    {
        var http = await ClientAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
                {
                    Content = new StringContent(request.FormBody(), Encoding.UTF8, "application/x-www-form-urlencoded"),
                };
                using var response = await http.SendAsync(message, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode) return ParseAnswer(request, body);
                var error = ParseError(body, response.StatusCode);
                if (attempt >= retry.MaxAttempts || !RetrySpec.IsRetryable(response.StatusCode, error.ErrorCode)) throw error;
            }
            catch (Exception e) when (IsNetworkFailure(e, ct))
            {
                if (attempt >= retry.MaxAttempts)
                    throw new PipelineException($"could not reach {endpoint.Service} at {endpoint.Url} for {request.Action} after {attempt} " +
                                                $"attempts ({e.Message}); check {aws.Origin} and that the service is up", e);
            }
            await Task.Delay(retry.DelayAfter(attempt), ct);
        }
    }

    /// An AWS error answer (&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;…) as the SDK's own exception type.
    public static AmazonServiceException ParseError(string body, HttpStatusCode status)
    {
        string? code = null, text = null, requestId = null;
        try
        {
            var root = XElement.Parse(body);
            code = Find(root, "Code");
            text = Find(root, "Message");
            requestId = Find(root, "RequestId");
        }
        catch (XmlException)
        {
            text = body.Length > 200 ? body[..200] : body;
        }
        var type = (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        return new AmazonServiceException($"{code ?? "HTTP " + (int)status}: {text}", type, code ?? status.ToString(), requestId, status);
    }

    /// The first descendant (or self) with this local name; Query answers carry a per-API XML namespace.
    public static string? Find(XElement element, string name) =>
        element.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    XElement ParseAnswer(QueryRequest request, string body)
    {
        try
        {
            return XElement.Parse(body);
        }
        catch (XmlException)
        {
            throw new PipelineException($"{endpoint.Url} answered {request.Action} with something that is not an AWS answer; check {aws.Origin}");
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
