using System.Net;
using System.Text;
using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Aws.Serverless;
using Sparkify.Pipeline.Tests.Targets;

namespace Sparkify.Pipeline.Tests.Aws.Serverless;

/// <summary>
/// The answers the pipeline reads, shaped by botocore's output shapes rather than by a double: every member (lists of
/// two), required members only, and empty lists. Strings are "member-N" (a list item: the list's name), integers 6 + N,
/// timestamps 2026-01-01T10:00Z plus N days.
/// </summary>
public class ServerlessAnswerTests
{
    static readonly AwsContext Aws = new("us-west-2", "http://127.0.0.1:1", new BasicAWSCredentials("AKIDEXAMPLE", "example-secret"));

    static RedshiftServerless Api(params string[] answers) => new(new ServerlessApi(ServerlessApi.EndpointFor(Aws), Aws, RetrySpec.Immediate,
        new ScriptedTransport(answers.Select(a => (Func<HttpResponseMessage>)(() =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(a, Encoding.UTF8, ServerlessApi.ContentType) })).ToArray())));

    static string Answer(string operation, string variant) => ServerlessModel.Answer(operation, variant).ToJsonString();

    [Test]
    public async Task GetWorkgroup_with_every_member_gives_status_capacity_endpoint_and_groups()
    {
        var wg = await Api(Answer("GetWorkgroup", "full")).WorkgroupAsync("w", CancellationToken.None);

        Assert.That(wg, Is.Not.Null);
        Assert.That((wg!.Name, wg.Arn, wg.Status, wg.Namespace), Is.EqualTo(("workgroupName-1", "workgroupArn-1", "CREATING", "namespaceName-1")));
        Assert.That((wg.BaseCapacity, wg.Address, wg.Port), Is.EqualTo(((int?)7, "address-1", (int?)7)));
        Assert.That(wg.SecurityGroupIds, Is.EqualTo(new[] { "securityGroupIds-1", "securityGroupIds-2" }));
        Assert.That(wg.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task GetWorkgroup_with_required_members_only_gives_defaults_not_an_error()
    {
        var wg = await Api(Answer("GetWorkgroup", "sparse")).WorkgroupAsync("w", CancellationToken.None);

        Assert.That(wg!.Status, Is.EqualTo("unknown"));
        Assert.That((wg.Address, wg.Port, wg.BaseCapacity, wg.CreatedAt), Is.EqualTo(((string?)null, (int?)null, (int?)null, (DateTimeOffset?)null)));
        Assert.That(wg.SecurityGroupIds, Is.Empty);
    }

    [Test]
    public async Task Namespace_answers_give_status_database_and_roles()
    {
        var created = await Api(Answer("CreateNamespace", "full")).CreateNamespaceAsync(MotoAccount.Config().Serverless, "d", "arn:r", CancellationToken.None);
        var read = await Api(Answer("GetNamespace", "empty")).NamespaceAsync("n", CancellationToken.None);

        Assert.That((created.Name, created.Status, created.DbName, created.DefaultIamRoleArn),
            Is.EqualTo(("namespaceName-1", "AVAILABLE", "dbName-1", "defaultIamRoleArn-1")));
        Assert.That(created.IamRoles, Is.EqualTo(new[] { "iamRoles-1", "iamRoles-2" }));
        Assert.That(read!.IamRoles, Is.Empty);
    }

    [Test]
    public async Task Usage_limits_follow_nextToken_and_stop_at_an_answer_without_one()
    {
        var api = Api(Answer("ListUsageLimits", "full"), Answer("ListUsageLimits", "sparse"));

        var limits = await api.UsageLimitsAsync("arn:w", CancellationToken.None);

        Assert.That(limits.Select(l => (l.Id, l.Amount, l.Period, l.BreachAction)), Is.EqualTo(new[]
        {
            ("usageLimitId-1", (long?)7, "daily", "log"), ("usageLimitId-2", (long?)8, "daily", "log"),
        }));
    }

    [Test]
    public async Task GetCredentials_gives_user_password_and_expiry_and_a_sparse_answer_a_clear_error()
    {
        var login = await Api(Answer("GetCredentials", "full")).CredentialsAsync("w", "d", CancellationToken.None);
        var e = Assert.ThrowsAsync<PipelineException>(() => Api(Answer("GetCredentials", "sparse")).CredentialsAsync("w", "d", CancellationToken.None));

        Assert.That((login.User, login.Password), Is.EqualTo(("dbUser-1", "dbPassword-1")));
        Assert.That(login.Expires, Is.EqualTo(new DateTimeOffset(2026, 1, 2, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(login.ToString(), Does.Not.Contain("dbPassword-1"));
        Assert.That(e!.Message, Does.Contain("GetCredentials answered without dbPassword"));
    }

    [Test]
    public async Task Create_and_delete_answers_are_read()
    {
        var settings = MotoAccount.Config().Serverless;

        var wg = await Api(Answer("CreateWorkgroup", "full")).CreateWorkgroupAsync(settings, "sg-1", 5439, CancellationToken.None);
        var limit = await Api(Answer("CreateUsageLimit", "full")).CreateUsageLimitAsync("arn:w", settings, CancellationToken.None);

        Assert.That(wg.Arn, Is.EqualTo("workgroupArn-1"));
        Assert.That(limit.Id, Is.EqualTo("usageLimitId-1"));
        Assert.That(await Api(Answer("DeleteWorkgroup", "sparse")).DeleteWorkgroupAsync("w", CancellationToken.None), Is.True);
        Assert.That(await Api(Answer("DeleteNamespace", "sparse")).DeleteNamespaceAsync("n", null, CancellationToken.None), Is.True);
        Assert.That(await Api(Answer("DeleteUsageLimit", "full")).DeleteUsageLimitAsync("u", CancellationToken.None), Is.True);
    }
}
