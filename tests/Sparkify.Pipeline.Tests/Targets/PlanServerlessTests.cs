using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;
using Profile = Sparkify.Pipeline.Config.Profile;

namespace Sparkify.Pipeline.Tests.Targets;

/// Plan with [CLUSTER] kind = serverless: the Serverless calls, the SQL and the cost in USD, against moto (which has no
/// Redshift Serverless: Plan says what it could not check) and against the test double after Provision.
public class PlanServerlessTests
{
    static readonly CancellationToken None = CancellationToken.None;

    static AwsSession Session(MotoAccount moto, string? serverlessUrl) => new(
        new AwsContext("us-west-2", moto.Endpoint, moto.Credentials) { ServerlessUrl = serverlessUrl },
        MotoAccount.Config("CLUSTER:kind=serverless", "NETWORK:ingress_cidr=203.0.113.7/32"), Profile.Aws, moto.State,
        new PipelineLog(moto.Output), Pricing.Load(Repo.Root)) { Retry = RetrySpec.Immediate, Root = Repo.Root };

    [Test]
    public async Task Plan_against_moto_lists_the_namespace_workgroup_and_usage_limit_the_cost_and_what_it_could_not_check()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = Session(moto, null);

        var plan = await Plan.RunAsync(session, SqlFiles.In(Repo.Root), None);

        Assert.That(plan.Calls.Select(c => System.Text.RegularExpressions.Regex.Match(c, @"^(IAM|EC2|Redshift Serverless) (\w+)").Value), Is.EqualTo(new[]
        {
            "IAM CreateRole", "IAM AttachRolePolicy", "Redshift Serverless CreateNamespace", "Redshift Serverless GetNamespace",
            "Redshift Serverless CreateWorkgroup", "Redshift Serverless GetWorkgroup", "Redshift Serverless CreateUsageLimit",
            "EC2 AuthorizeSecurityGroupIngress",
        }));
        Assert.That(plan.Calls[2], Does.Contain("\"namespaceName\":\"sparkify-dwh\"").And.Contain("\"iamRoles\":[\"arn:aws:iam::<account>:role/sparkify-dwh-s3-read\"]"));
        Assert.That(plan.Calls[4], Does.Contain("\"workgroupName\":\"sparkify-dwh\"").And.Contain("\"baseCapacity\":8").And.Contain("\"publiclyAccessible\":true"));
        Assert.That(plan.Calls[6], Does.Contain("\"amount\":24").And.Contain("\"period\":\"daily\"").And.Contain("\"breachAction\":\"deactivate\""));
        Assert.That(plan.Cost, Does.Contain("about 0.050 USD per busy minute (8 x 0.375 / 60)").And.Contain("60-second minimum")
            .And.Contain("after 24 RPU-hours daily, at most 9.00 USD daily"));
        Assert.That(plan.Unchecked.Single(), Does.Contain("whether namespace sparkify-dwh and workgroup sparkify-dwh exist")
            .And.Contain($"Redshift Serverless at {moto.Endpoint}/ did not answer GetNamespace"));
        Assert.That(plan.Statements[0], Does.Contain("GetWorkgroup").And.Contain("GetCredentials"));
        Assert.That(moto.State.Load().Workgroup, Is.Null, "nothing recorded");
    }

    [Test]
    public async Task Plan_after_Provision_finds_the_namespace_and_workgroup_and_only_reads()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var serverless = new ServerlessResponder(pollsUntilDone: 0);
        using (var s = Session(moto, serverless.Endpoint)) await Provision.RunAsync(s, None);
        serverless.Calls.Clear();
        using var session = Session(moto, serverless.Endpoint);

        var plan = await Plan.RunAsync(session, SqlFiles.In(Repo.Root), None);

        Assert.That(plan.Existing, Has.Some.StartsWith("namespace sparkify-dwh (AVAILABLE)").And.Some.StartsWith("workgroup sparkify-dwh (AVAILABLE, 8 RPU)"));
        Assert.That(plan.Calls, Has.None.Contains("CreateNamespace").And.None.Contains("CreateWorkgroup"));
        Assert.That(plan.Unchecked, Is.Empty);
        Assert.That(serverless.Operations, Is.EqualTo(new[] { "GetNamespace", "GetWorkgroup" }));
        Assert.That(serverless.Refusals, Is.Empty);
        using (var s = Session(moto, serverless.Endpoint)) await TeardownAws.RunAsync(s, null, None);
    }

    [Test]
    [Description("issue 26 Done when: ./build.sh Plan --profile=aws --CLUSTER:kind=serverless against moto")]
    public async Task Plan_through_build_sh_against_moto_names_the_workgroup_and_namespace_and_the_cost_in_usd()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var build = new BuildScript();
        var credentials = await moto.SignInAsync(build);

        var plan = build.Run(["Plan", "--profile=aws", "--CLUSTER:kind=serverless", $"--AWS:endpoint={moto.Endpoint}",
            "--NETWORK:ingress_cidr=203.0.113.7/32"]);

        Assert.That(plan.ExitCode, Is.EqualTo(0), plan.Output);
        Assert.That(plan.Output, Does.Contain("Redshift Serverless CreateNamespace {\"namespaceName\":\"sparkify-dwh\"")
            .And.Contain("Redshift Serverless CreateWorkgroup {\"workgroupName\":\"sparkify-dwh\"")
            .And.Contain("USD per busy minute").And.Contain("not checked: whether namespace sparkify-dwh and workgroup sparkify-dwh exist"));
        Assert.That(plan.Output, Does.Not.Contain(credentials.SecretKey));
    }
}
