using System.Net;
using System.Text;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Tests.Targets;

namespace Sparkify.Pipeline.Tests.Aws;

/// <summary>
/// moto with request authentication on: IAM, Redshift, EC2 and S3 requests signed with the account's key pass;
/// a wrong secret, a signature made for another region or service than its credential scope claims, and a body
/// changed after signing are refused, so the aws-path tests really exercise SigV4 signing.
/// </summary>
public class MotoAuthenticationTests
{
    static readonly CancellationToken None = CancellationToken.None;

    /// Changes a request after the signer: the Authorization header's scope, or the body.
    sealed class Tamper(Func<string, string>? authorization = null, Func<string, string>? body = null) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (authorization is not null && request.Headers.TryGetValues("Authorization", out var values))
            {
                var changed = authorization(values.Single());
                request.Headers.Remove("Authorization");
                request.Headers.TryAddWithoutValidation("Authorization", changed);
            }
            if (body is not null && request.Content is not null)
            {
                var text = body(await request.Content.ReadAsStringAsync(ct));
                var headers = request.Content.Headers.ToList();
                request.Content = new StringContent(text, Encoding.UTF8);
                request.Content.Headers.Clear();
                foreach (var h in headers.Where(h => h.Key != "Content-Length")) request.Content.Headers.TryAddWithoutValidation(h.Key, h.Value);
            }
            return await base.SendAsync(request, ct);
        }
    }

    static QueryApi Api(AwsContext aws, string service, HttpMessageHandler? transport = null) =>
        new(service == "iam" ? QueryEndpoint.Iam(aws) : QueryEndpoint.Redshift(aws), aws, RetrySpec.Immediate, transport);

    [Test]
    public async Task Requests_signed_with_the_accounts_key_pass_for_iam_redshift_ec2_and_s3()
    {
        using var moto = await MotoAccount.FreshAsync();
        var aws = moto.Context();

        Assert.That(await new Iam(Api(aws, "iam")).RoleArnAsync("nobody", None), Is.Null);
        Assert.That(await new Redshift(Api(aws, "redshift")).DescribeAsync("nothing", None), Is.Null);
        using var ec2 = aws.Ec2();
        Assert.That(await new Ingress(ec2).DefaultSecurityGroupAsync("us-west-2", None), Does.StartWith("sg-"));
        using var s3 = aws.S3();
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "auth-check", BucketRegion = S3Region.USWest2 }, None);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "auth-check", Key = "a.json", ContentBody = "{}" }, None);
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "auth-check" }, None);
        Assert.That(listed.S3Objects.Select(o => o.Key), Is.EqualTo(new[] { "a.json" }));
    }

    [Test]
    public async Task A_wrong_secret_is_refused_by_all_four_services()
    {
        using var moto = await MotoAccount.FreshAsync();
        var key = (await moto.Credentials.GetCredentialsAsync()).AccessKey;
        var wrong = new AwsContext("us-west-2", moto.Endpoint, new BasicAWSCredentials(key, "not-the-secret-at-all"));

        var iam = Assert.ThrowsAsync<AmazonServiceException>(() => new Iam(Api(wrong, "iam")).RoleArnAsync("r", None));
        var redshift = Assert.ThrowsAsync<AmazonServiceException>(() => new Redshift(Api(wrong, "redshift")).DescribeAsync("c", None));
        using var ec2 = wrong.Ec2();
        var vpcs = Assert.ThrowsAsync<AmazonEC2Exception>(() => new Ingress(ec2).DefaultSecurityGroupAsync("us-west-2", None));
        using var s3 = wrong.S3();
        var bucket = Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListBucketsAsync(None));

        Assert.That(iam!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(redshift!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(vpcs!.ErrorCode, Is.EqualTo("AuthFailure"));
        Assert.That(bucket!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task A_request_signed_for_another_region_than_its_scope_claims_is_refused()
    {
        using var moto = await MotoAccount.FreshAsync();
        // Signed for eu-west-1, presented as us-west-2: what a signer using the wrong region produces.
        var signedElsewhere = new AwsContext("eu-west-1", moto.Endpoint, moto.Credentials);
        var presented = new Tamper(authorization: a => a.Replace("/eu-west-1/redshift/", "/us-west-2/redshift/"));

        var e = Assert.ThrowsAsync<AmazonServiceException>(() =>
            new Redshift(Api(signedElsewhere, "redshift", presented)).DescribeAsync("c", None));
        var control = await new Redshift(Api(moto.Context(), "redshift")).DescribeAsync("c", None);

        Assert.That(e!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(control, Is.Null, "the same call signed for its own region passes");
    }

    [Test]
    public async Task A_request_signed_for_another_service_than_its_scope_claims_is_refused()
    {
        using var moto = await MotoAccount.FreshAsync();
        // Signed for redshift, presented as iam (moto tells services apart by this scope, as a shared endpoint must).
        var presented = new Tamper(authorization: a => a.Replace("/us-east-1/redshift/", "/us-east-1/iam/"));
        var signedForRedshift = new QueryApi(QueryEndpoint.Iam(moto.Context()) with { Service = "redshift" }, moto.Context(),
            RetrySpec.Immediate, presented);

        var e = Assert.ThrowsAsync<AmazonServiceException>(() => new Iam(signedForRedshift).RoleArnAsync("r", None));

        Assert.That(e!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(e.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_body_changed_after_signing_is_refused()
    {
        using var moto = await MotoAccount.FreshAsync();
        var changed = new Tamper(body: b => b.Replace("RoleName=innocent", "RoleName=victim"));

        var e = Assert.ThrowsAsync<AmazonServiceException>(() => new Iam(Api(moto.Context(), "iam", changed)).RoleArnAsync("innocent", None));

        Assert.That(e!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
    }
}
