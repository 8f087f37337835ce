using System.Net;
using Amazon.Runtime;
using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Aws;

/// The Query API client: the signed request's shape, retries, and AWS errors surfaced with their codes.
public class QueryApiTests
{
    static readonly AwsContext Aws = new("us-west-2", null, new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    static readonly DateTime SignedAt = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    const string Ok = "<GetRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetRoleResult><Role><Arn>arn:aws:iam::1:role/r</Arn></Role></GetRoleResult></GetRoleResponse>";

    static QueryApi Api(ScriptedTransport transport, QueryEndpoint? endpoint = null) =>
        new(endpoint ?? QueryEndpoint.Iam(Aws), Aws, RetrySpec.Immediate, transport) { SignedAt = SignedAt };

    [Test]
    public async Task Iam_request_is_a_form_post_to_the_global_endpoint_signed_for_us_east_1()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Xml(HttpStatusCode.OK, Ok));
        using var api = Api(transport);

        var answer = await api.SendAsync(Iam.GetRole("r"), CancellationToken.None);

        var (request, body) = transport.Seen.Single();
        Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
        Assert.That(request.RequestUri, Is.EqualTo(new Uri("https://iam.amazonaws.com/")));
        Assert.That(body, Is.EqualTo("Action=GetRole&Version=2010-05-08&RoleName=r"));
        Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
        var authorization = request.Headers.GetValues("Authorization").Single();
        Assert.That(authorization, Does.StartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/iam/aws4_request, SignedHeaders="));
        Assert.That(authorization, Does.Match(@"SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$"));
        Assert.That(request.Headers.GetValues("X-Amz-Date").Single(), Is.EqualTo("20260102T030405Z"));
        Assert.That(QueryApi.Find(answer, "Arn"), Is.EqualTo("arn:aws:iam::1:role/r"));
    }

    [Test]
    public async Task Redshift_request_goes_to_the_regional_endpoint_signed_for_its_region()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Xml(HttpStatusCode.OK, "<DescribeClustersResponse/>"));
        using var api = Api(transport, QueryEndpoint.Redshift(Aws));

        await api.SendAsync(Redshift.DescribeClusters("c"), CancellationToken.None);

        var (request, _) = transport.Seen.Single();
        Assert.That(request.RequestUri, Is.EqualTo(new Uri("https://redshift.us-west-2.amazonaws.com/")));
        Assert.That(request.Headers.GetValues("Authorization").Single(), Does.Contain("/20260102/us-west-2/redshift/aws4_request"));
    }

    [Test]
    public async Task Signature_is_deterministic_for_a_request_and_changes_with_the_body()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Xml(HttpStatusCode.OK, Ok));
        using var api = Api(transport);

        await api.SendAsync(Iam.GetRole("a"), CancellationToken.None);
        await api.SendAsync(Iam.GetRole("a"), CancellationToken.None);
        await api.SendAsync(Iam.GetRole("b"), CancellationToken.None);

        var signatures = transport.Seen.Select(s => s.Request.Headers.GetValues("Authorization").Single()).ToList();
        Assert.That(signatures[1], Is.EqualTo(signatures[0]));
        Assert.That(signatures[2], Is.Not.EqualTo(signatures[0]));
    }

    [Test]
    public async Task Server_errors_and_throttling_are_retried_until_success()
    {
        var transport = new ScriptedTransport(
            ScriptedTransport.Xml(HttpStatusCode.ServiceUnavailable, ScriptedTransport.Error("ServiceUnavailable", "busy")),
            ScriptedTransport.Xml(HttpStatusCode.BadRequest, ScriptedTransport.Error("Throttling", "Rate exceeded")),
            ScriptedTransport.Refused(),
            ScriptedTransport.Xml(HttpStatusCode.OK, Ok));
        using var api = Api(transport);

        var answer = await api.SendAsync(Iam.GetRole("r"), CancellationToken.None);

        Assert.That(transport.Seen, Has.Count.EqualTo(4));
        Assert.That(QueryApi.Find(answer, "Arn"), Is.EqualTo("arn:aws:iam::1:role/r"));
    }

    [Test]
    public void Client_errors_surface_at_once_with_their_aws_error_code()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Xml(HttpStatusCode.NotFound, ScriptedTransport.Error("NoSuchEntity", "The role r cannot be found.")));
        using var api = Api(transport);

        var e = Assert.ThrowsAsync<AmazonServiceException>(() => api.SendAsync(Iam.GetRole("r"), CancellationToken.None));

        Assert.That(e!.ErrorCode, Is.EqualTo("NoSuchEntity"));
        Assert.That(e.RequestId, Is.EqualTo("req-1"));
        Assert.That(e.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(transport.Seen, Has.Count.EqualTo(1), "a client error must not be retried");
    }

    [Test]
    public void Persistent_throttling_gives_up_after_the_policy_attempts()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Xml(HttpStatusCode.BadRequest, ScriptedTransport.Error("Throttling", "Rate exceeded")));
        using var api = Api(transport);

        var e = Assert.ThrowsAsync<AmazonServiceException>(() => api.SendAsync(Iam.GetRole("r"), CancellationToken.None));

        Assert.That(e!.ErrorCode, Is.EqualTo("Throttling"));
        Assert.That(transport.Seen, Has.Count.EqualTo(RetrySpec.Immediate.MaxAttempts));
    }

    [Test]
    public void Unreachable_endpoint_is_a_clear_error_naming_the_setting()
    {
        var transport = new ScriptedTransport(ScriptedTransport.Refused());
        using var api = Api(transport, QueryEndpoint.Redshift(Aws));

        var e = Assert.ThrowsAsync<PipelineException>(() => api.SendAsync(Redshift.DescribeClusters("c"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("could not reach redshift at https://redshift.us-west-2.amazonaws.com/ for DescribeClusters after 4 attempts"));
        Assert.That(e.Message, Does.Contain("check [AWS] region = us-west-2"));
    }

    [Test]
    public void Backoff_grows_exponentially_and_stays_under_the_cap()
    {
        var policy = new RetrySpec(6, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

        Assert.That(Enumerable.Range(0, 200).Select(_ => policy.DelayAfter(1)), Has.All.LessThanOrEqualTo(TimeSpan.FromMilliseconds(100)));
        Assert.That(Enumerable.Range(0, 200).Select(_ => policy.DelayAfter(3)), Has.All.LessThanOrEqualTo(TimeSpan.FromMilliseconds(400)));
        Assert.That(Enumerable.Range(0, 200).Max(_ => policy.DelayAfter(3)), Is.GreaterThan(TimeSpan.FromMilliseconds(100)));
        Assert.That(Enumerable.Range(0, 200).Select(_ => policy.DelayAfter(6)), Has.All.LessThanOrEqualTo(TimeSpan.FromMilliseconds(500)));
    }

    [Test]
    public void Retryable_answers_are_5xx_429_and_throttling_codes_only()
    {
        Assert.That(RetrySpec.IsRetryable(HttpStatusCode.InternalServerError, null), Is.True);
        Assert.That(RetrySpec.IsRetryable(HttpStatusCode.TooManyRequests, null), Is.True);
        Assert.That(RetrySpec.IsRetryable(HttpStatusCode.BadRequest, "Throttling"), Is.True);
        Assert.That(RetrySpec.IsRetryable(HttpStatusCode.BadRequest, "RequestLimitExceeded"), Is.True);
        Assert.That(RetrySpec.IsRetryable(HttpStatusCode.BadRequest, "InvalidParameterValue"), Is.False);
        Assert.That(RetrySpec.IsRetryable(HttpStatusCode.Conflict, "EntityAlreadyExists"), Is.False);
    }
}
