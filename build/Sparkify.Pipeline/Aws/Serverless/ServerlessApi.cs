using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace Sparkify.Pipeline.Aws.Serverless;

/// <summary>
/// The Redshift Serverless control plane over its JSON 1.1 protocol: POST / with X-Amz-Target and
/// application/x-amz-json-1.1, signed for "redshift-serverless" (the model's signingName) and retried by
/// <see cref="SignedHttp"/> exactly as the Query API calls are. AWS errors surface as AmazonServiceException with the
/// model's error name as ErrorCode (ResourceNotFoundException, ConflictException, …).
/// </summary>
public sealed class ServerlessApi(QueryEndpoint endpoint, AwsContext aws, RetrySpec retry, HttpMessageHandler? transport = null) : IDisposable
{
    public const string ContentType = "application/x-amz-json-1.1";

    readonly Lock _lock = new();
    SignedHttp? _http;

    public QueryEndpoint Endpoint => endpoint;

    /// Fixes the signature's timestamp: tests pin the signed request's exact shape with it.
    public DateTime? SignedAt { get; init; }

    /// redshift-serverless.REGION.amazonaws.com; [AWS] serverless_endpoint, else [AWS] endpoint, when set.
    public static QueryEndpoint EndpointFor(AwsContext aws) => new(RedshiftServerless.SigningName,
        (aws.ServerlessUrl ?? aws.ServiceUrl) is { } url ? new Uri(url) : new Uri($"https://redshift-serverless.{aws.Region}.amazonaws.com/"),
        aws.Region);

    public async Task<JsonObject> SendAsync(ServerlessRequest request, CancellationToken ct)
    {
        var body = await Http.SendAsync(request.Operation, () =>
        {
            var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(request.Input.ToJsonString(), Encoding.UTF8) };
            // JSON 1.1 wants exactly this media type, without a charset parameter.
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ContentType);
            message.Headers.Add("X-Amz-Target", request.Target);
            return message;
        }, ParseError, ct);
        try
        {
            return JsonNode.Parse(body.Length == 0 ? "{}" : body) as JsonObject
                   ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            throw new PipelineException($"{endpoint.Url} answered {request.Operation} with something that is not a Redshift Serverless answer; " +
                                        $"check {aws.Origin}");
        }
    }

    /// A JSON protocol error: the code from the body's __type ("namespace#Code") or the x-amzn-ErrorType header.
    public static AmazonServiceException ParseError(string body, HttpStatusCode status, HttpResponseMessage? response = null)
    {
        string? code = null, text = null;
        try
        {
            if (JsonNode.Parse(body) is JsonObject error)
            {
                code = error["__type"]?.GetValue<string>();
                text = (error["message"] ?? error["Message"])?.GetValue<string>();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            text = body.Length > 200 ? body[..200] : body;
        }
        if (code is null && response is not null && response.Headers.TryGetValues("x-amzn-ErrorType", out var header))
            code = header.FirstOrDefault();
        code = code is null ? null : code[(code.LastIndexOf('#') + 1)..].Split(':')[0];
        var requestId = response is not null && response.Headers.TryGetValues("x-amzn-RequestId", out var id) ? id.FirstOrDefault() : null;
        var type = (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        return new AmazonServiceException($"{code ?? "HTTP " + (int)status}: {text}", type, code ?? status.ToString(), requestId, status);
    }

    SignedHttp Http
    {
        get
        {
            lock (_lock) return _http ??= new SignedHttp(endpoint, aws, retry, transport) { SignedAt = SignedAt };
        }
    }

    public void Dispose()
    {
        lock (_lock) _http?.Dispose();
    }
}
