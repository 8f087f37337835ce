using System.Net;
using System.Text;
using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Aws.Serverless;

namespace Sparkify.Pipeline.Tests.Aws.Serverless;

/// The JSON 1.1 client: the signed request's shape, AWS errors surfaced with their codes, and the shared retries.
public class ServerlessApiTests
{
    static readonly AwsContext Aws = new("us-west-2", null, new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    static readonly DateTime SignedAt = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    static Func<HttpResponseMessage> Json(HttpStatusCode status, string json, string? errorType = null) => () =>
    {
        var answer = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, ServerlessApi.ContentType) };
        if (errorType is not null) answer.Headers.Add("x-amzn-ErrorType", errorType);
        return answer;
    };

    static ServerlessApi Api(ScriptedTransport transport, AwsContext? aws = null) =>
        new(ServerlessApi.EndpointFor(aws ?? Aws), aws ?? Aws, RetrySpec.Immediate, transport) { SignedAt = SignedAt };

    [Test]
    public async Task A_request_is_a_json_post_with_its_target_signed_for_redshift_serverless_in_the_region()
    {
        var transport = new ScriptedTransport(Json(HttpStatusCode.OK, "{\"workgroup\":{\"status\":\"AVAILABLE\"}}"));
        using var api = Api(transport);

        var answer = await api.SendAsync(RedshiftServerless.GetWorkgroup("sparkify-dwh"), CancellationToken.None);

        var (request, body) = transport.Seen.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.RequestUri, Is.EqualTo(new Uri("https://redshift-serverless.us-west-2.amazonaws.com/")));
        Assert.That(body, Is.EqualTo("{\"workgroupName\":\"sparkify-dwh\"}"));
        Assert.That(request.Content!.Headers.ContentType!.ToString(), Is.EqualTo("application/x-amz-json-1.1"));
        Assert.That(request.Headers.GetValues("X-Amz-Target").Single(), Is.EqualTo("RedshiftServerless.GetWorkgroup"));
        var authorization = request.Headers.GetValues("Authorization").Single();
        Assert.That(authorization, Does.StartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-west-2/redshift-serverless/aws4_request, SignedHeaders="));
        Assert.That(authorization, Does.Match(@"SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$"), "the target is signed");
        Assert.That(answer["workgroup"]!["status"]!.GetValue<string>(), Is.EqualTo("AVAILABLE"));
    }

    [Test]
    public void Serverless_calls_go_to_serverless_endpoint_else_endpoint_else_aws()
    {
        var both = new AwsContext("eu-west-1", "http://127.0.0.1:4566", null) { ServerlessUrl = "http://127.0.0.1:9000" };

        Assert.That(ServerlessApi.EndpointFor(both).Url, Is.EqualTo(new Uri("http://127.0.0.1:9000/")));
        Assert.That(ServerlessApi.EndpointFor(new AwsContext("eu-west-1", "http://127.0.0.1:4566", null)).Url, Is.EqualTo(new Uri("http://127.0.0.1:4566/")));
        Assert.That(ServerlessApi.EndpointFor(new AwsContext("eu-west-1", null, null)).SigningRegion, Is.EqualTo("eu-west-1"));
    }

    [Test]
    public void An_aws_error_surfaces_as_AmazonServiceException_with_the_models_error_name()
    {
        var transport = new ScriptedTransport(Json(HttpStatusCode.BadRequest,
            "{\"__type\":\"com.amazonaws.redshiftserverless#ConflictException\",\"message\":\"namespace exists\"}"));
        using var api = Api(transport);

        var e = Assert.ThrowsAsync<AmazonServiceException>(() => api.SendAsync(RedshiftServerless.GetNamespace("ns-1"), CancellationToken.None));

        Assert.That(e!.ErrorCode, Is.EqualTo("ConflictException"));
        Assert.That(e.Message, Does.Contain("namespace exists"));
        Assert.That(transport.Seen, Has.Count.EqualTo(1), "a conflict is not retried");
    }

    [Test]
    public void The_error_code_is_read_from_the_header_when_the_body_has_none()
    {
        var error = ServerlessApi.ParseError("{\"message\":\"gone\"}", HttpStatusCode.BadRequest,
            Json(HttpStatusCode.BadRequest, "{}", "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.redshiftserverless/")());

        Assert.That(error.ErrorCode, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task Throttling_and_5xx_are_retried_like_the_query_api_and_then_succeed()
    {
        var transport = new ScriptedTransport(
            Json(HttpStatusCode.BadRequest, "{\"__type\":\"ThrottlingException\",\"message\":\"slow down\"}"),
            Json(HttpStatusCode.InternalServerError, "{\"__type\":\"InternalServerException\",\"message\":\"oops\"}"),
            Json(HttpStatusCode.OK, "{}"));
        using var api = Api(transport);

        await api.SendAsync(RedshiftServerless.GetWorkgroup("sparkify-dwh"), CancellationToken.None);

        Assert.That(transport.Seen, Has.Count.EqualTo(3));
    }

    [Test]
    public void An_endpoint_that_is_not_redshift_serverless_gives_an_error_naming_the_setting()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Xml(HttpStatusCode.OK, "<html>moto</html>"));
        using var api = Api(transport, new AwsContext("us-west-2", "http://127.0.0.1:1", Aws.Credentials));

        var e = Assert.ThrowsAsync<PipelineException>(() => api.SendAsync(RedshiftServerless.GetWorkgroup("sparkify-dwh"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("not a Redshift Serverless answer").And.Contain("[AWS] endpoint = http://127.0.0.1:1"));
    }
}
