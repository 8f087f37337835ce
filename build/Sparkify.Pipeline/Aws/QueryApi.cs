using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// A small client for AWS Query APIs (IAM, Redshift) over AWSSDK.Core: form POSTs signed and retried by
/// <see cref="SignedHttp"/> (the SDK's SigV4SigningHandler, the SDK's default credential chain, <see cref="RetrySpec"/>), XML
/// answers returned as elements and AWS errors thrown as <see cref="AmazonServiceException"/> with their ErrorCode.
/// </summary>
public sealed class QueryApi(QueryEndpoint endpoint, AwsContext aws, RetrySpec retry, HttpMessageHandler? transport = null) : IDisposable
{
    readonly Lock _lock = new();
    SignedHttp? _http;

    public QueryEndpoint Endpoint => endpoint;

    /// Fixes the signature's timestamp: tests pin the signed request's exact shape with it.
    public DateTime? SignedAt { get; init; }

    // Built on first use, after SignedAt is set.
    SignedHttp Http
    {
        get
        {
            lock (_lock) return _http ??= new SignedHttp(endpoint, aws, retry, transport) { SignedAt = SignedAt };
        }
    }

    public async Task<XElement> SendAsync(QueryRequest request, CancellationToken ct)
    {
        var body = await Http.SendAsync(request.Action, () => new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(request.FormBody(), Encoding.UTF8, "application/x-www-form-urlencoded"),
        }, (text, status, _) => ParseError(text, status), ct);
        return ParseAnswer(request, body);
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

    public void Dispose()
    {
        lock (_lock) _http?.Dispose();
    }
}
