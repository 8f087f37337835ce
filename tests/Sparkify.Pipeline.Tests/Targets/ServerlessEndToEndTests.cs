using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Aws.Serverless;
using Sparkify.Pipeline.Targets;
using Profile = Sparkify.Pipeline.Config.Profile;

namespace Sparkify.Pipeline.Tests.Targets;

/// <summary>
/// [CLUSTER] kind = serverless end to end: IAM and EC2 on a real moto (authenticated), Redshift Serverless on the
/// model-checked test double (<see cref="ServerlessResponder"/>), waits on a scripted clock. Provision, a rerun,
/// Status, Teardown, Teardown again and Teardown without the state file; the order of every Serverless call.
/// </summary>
public class ServerlessEndToEndTests
{
    static readonly CancellationToken None = CancellationToken.None;
    const string Cidr = "203.0.113.7/32";

    sealed class Account(MotoAccount moto, ServerlessResponder serverless)
    {
        public DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

        public AwsSession Session(params string[] settings) => new(
            new AwsContext("us-west-2", moto.Endpoint, moto.Credentials) { ServerlessUrl = serverless.Endpoint },
            MotoAccount.Config(["CLUSTER:kind=serverless", $"NETWORK:ingress_cidr={Cidr}", .. settings]), Profile.Aws, moto.State,
            new PipelineLog(moto.Output), Pricing.Load(Repo.Root))
        {
            Retry = RetrySpec.Immediate, Root = Repo.Root,
            Clock = new WaitClock(() => Now, (delay, _) => { Now += delay; return Task.CompletedTask; }),
        };
    }

    [Test]
    public async Task Provision_Status_Teardown_twice_and_Teardown_without_state_make_the_calls_in_a_safe_order()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var serverless = new ServerlessResponder(pollsUntilDone: 2);
        var account = new Account(moto, serverless);

        // Provision: role, default group, namespace, workgroup (waited for), usage limit, ingress.
        ProvisionResult provisioned;
        using (var s = account.Session()) provisioned = await Provision.RunAsync(s, None);

        Assert.That(serverless.Refusals, Is.Empty);
        Assert.That(serverless.Operations, Is.EqualTo(new[]
        {
            "GetNamespace", "CreateNamespace", "GetNamespace", "GetWorkgroup", "CreateWorkgroup",
            "GetWorkgroup", "GetWorkgroup", "GetWorkgroup", "GetWorkgroup", "ListUsageLimits", "CreateUsageLimit",
        }));
        Assert.That(moto.Output.ToString(), Does.Contain("waiting for workgroup sparkify-dwh to be AVAILABLE: 'CREATING' after 0s (poll 1")
            .And.Contain("workgroup sparkify-dwh is AVAILABLE (AVAILABLE) after 30s"));
        var roleArn = await moto.Iam().RoleArnAsync("sparkify-dwh-s3-read", None);
        var ns = serverless.State.Namespace("sparkify-dwh")!;
        var wg = serverless.State.Workgroup("sparkify-dwh")!;
        Assert.That(ns["iamRoles"]![0]!.GetValue<string>(), Is.EqualTo(roleArn));
        Assert.That(await TrustAsync(moto), Does.Contain("\"redshift-serverless.amazonaws.com\""), "Redshift Serverless may assume the role");
        Assert.That(ns["defaultIamRoleArn"]!.GetValue<string>(), Is.EqualTo(roleArn));
        Assert.That(ns.ContainsKey("adminUserPassword"), Is.False, "no password anywhere");
        using (var ec2 = moto.Context().Ec2())
            Assert.That(wg["securityGroupIds"]![0]!.GetValue<string>(), Is.EqualTo(await new Ingress(ec2).DefaultSecurityGroupAsync("us-west-2", None)));
        Assert.That(wg["baseCapacity"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(wg["publiclyAccessible"]!.GetValue<bool>(), Is.True);
        var limit = serverless.State.UsageLimits.Single();
        Assert.That(limit.ToJsonString(), Does.Contain("\"amount\":24").And.Contain("\"period\":\"daily\"").And.Contain("\"breachAction\":\"deactivate\""));
        Assert.That((await moto.IngressAsync(5439)).Select(r => (r.CidrIp, r.Description)), Is.EqualTo(new[] { (Cidr, "sparkify-dwh sparkify-dwh") }));
        var state = moto.State.Load();
        Assert.That((state.Kind, state.Workgroup, state.Namespace, state.Endpoint, state.DbPassword),
            Is.EqualTo(("serverless", "sparkify-dwh", "sparkify-dwh", "sparkify-dwh.123456789012.us-west-2.redshift-serverless.amazonaws.com", (string?)null)));
        Assert.That(provisioned.Created, Is.SupersetOf(new[] { "namespace sparkify-dwh", "workgroup sparkify-dwh", "usage limit 24 RPU-hours daily" }));

        // A rerun creates nothing.
        serverless.Calls.Clear();
        using (var s = account.Session()) Assert.That((await Provision.RunAsync(s, None)).ChangedNothing, Is.True);
        Assert.That(serverless.Operations.Where(o => !o.StartsWith("Get") && !o.StartsWith("List")), Is.Empty);

        StatusResult status;
        using (var s = account.Session()) status = await Status.RunAsync(s, None);

        Assert.That((status.ClusterStatus, status.NamespaceStatus, status.UsageLimit), Is.EqualTo(("AVAILABLE", "AVAILABLE", "24 RPU-hours daily (deactivate)")));
        Assert.That(status.IngressCidrs, Is.EqualTo(new[] { Cidr }));
        Assert.That(moto.Output.ToString(), Does.Contain("used this period: not readable"));

        // Teardown: usage limit, workgroup (gone), namespace (gone), ingress, role.
        serverless.Calls.Clear();
        TeardownResult removed;
        using (var s = account.Session()) removed = await TeardownAws.RunAsync(s, null, None);

        Assert.That(serverless.Operations, Is.EqualTo(new[]
        {
            "GetWorkgroup", "ListUsageLimits", "DeleteUsageLimit", "DeleteWorkgroup", "GetWorkgroup", "GetWorkgroup", "GetWorkgroup",
            "GetNamespace", "DeleteNamespace", "GetNamespace", "GetNamespace", "GetNamespace",
        }));
        Assert.That(removed.Removed[0], Does.StartWith("usage limit "));
        Assert.That(removed.Removed.Skip(1), Is.EqualTo(new[]
        {
            "workgroup sparkify-dwh", "namespace sparkify-dwh", $"ingress {Cidr}:5439", "role sparkify-dwh-s3-read",
        }));
        await AssertAllGoneAsync(moto, serverless);

        // Teardown again: everything already gone, nothing deleted.
        serverless.Calls.Clear();
        using (var s = account.Session()) removed = await TeardownAws.RunAsync(s, null, None);
        Assert.That(removed.Removed, Is.Empty);
        Assert.That(removed.AlreadyGone, Is.SupersetOf(new[] { "workgroup sparkify-dwh", "namespace sparkify-dwh", "role sparkify-dwh-s3-read" }));
        Assert.That(serverless.Operations, Is.EqualTo(new[] { "GetWorkgroup", "GetNamespace" }));

        // Provision again, lose the state file, Teardown from dwh.cfg's names (with a final snapshot).
        using (var s = account.Session()) await Provision.RunAsync(s, None);
        File.Delete(moto.State.Path);
        using (var s = account.Session("SERVERLESS:final_snapshot=sparkify-final")) removed = await TeardownAws.RunAsync(s, null, None);

        Assert.That(removed.Removed, Is.SupersetOf(new[] { "workgroup sparkify-dwh", "namespace sparkify-dwh", $"ingress {Cidr}:5439" }));
        Assert.That(serverless.State.FinalSnapshots, Is.EqualTo(new[] { "sparkify-final" }));
        await AssertAllGoneAsync(moto, serverless);
        Assert.That(serverless.Refusals, Is.Empty);
    }

    [Test]
    public async Task A_run_logs_in_with_the_workgroups_endpoint_and_temporary_credentials_and_stores_nothing()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var serverless = new ServerlessResponder(pollsUntilDone: 0);
        var account = new Account(moto, serverless);
        using (var s = account.Session()) await Provision.RunAsync(s, None);
        var before = File.ReadAllText(moto.State.Path);
        var output = new StringWriter();

        ServerlessLogin.Login login;
        using (var s = account.Session()) login = await ServerlessLogin.FetchAsync(s.Serverless, s.Aws, "sparkify-dwh", "sparkify", new PipelineLog(output), None);

        Assert.That((login.Address, login.Port), Is.EqualTo(("sparkify-dwh.123456789012.us-west-2.redshift-serverless.amazonaws.com", 5439)));
        Assert.That(login.Credentials.User, Is.EqualTo("IAM:tester"));
        Assert.That(serverless.Calls.Last().Input.ToJsonString(), Is.EqualTo("{\"workgroupName\":\"sparkify-dwh\",\"dbName\":\"sparkify\",\"durationSeconds\":900}"));
        Assert.That(output.ToString(), Does.Contain("Warehouse login: IAM:tester (temporary").And.Not.Contain(login.Credentials.Password));
        Assert.That(File.ReadAllText(moto.State.Path), Is.EqualTo(before).And.Not.Contain(login.Credentials.Password));
        using (var s = account.Session()) await TeardownAws.RunAsync(s, null, None);
    }

    [Test]
    public async Task A_role_made_for_a_cluster_is_trusted_by_Redshift_Serverless_after_a_serverless_Provision()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var serverless = new ServerlessResponder(pollsUntilDone: 0);
        var account = new Account(moto, serverless);
        await moto.Iam().CreateRoleAsync("sparkify-dwh-s3-read", RolePolicies.Trust(), None);
        Assert.That(await TrustAsync(moto), Does.Not.Contain("redshift-serverless.amazonaws.com"));

        using (var s = account.Session()) await Provision.RunAsync(s, None);

        Assert.That(await TrustAsync(moto), Does.Contain("\"redshift-serverless.amazonaws.com\"").And.Contain("\"redshift.amazonaws.com\""));
        using (var s = account.Session()) await TeardownAws.RunAsync(s, null, None);
    }

    [Test]
    public async Task Provision_refuses_a_kind_other_than_the_one_the_state_file_records()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var serverless = new ServerlessResponder(pollsUntilDone: 0);
        using (var cluster = moto.Session(Profile.Aws, moto.Context(), "NETWORK:ingress_cidr=" + Cidr)) await Provision.RunAsync(cluster, None);
        serverless.Calls.Clear();

        using var s = new Account(moto, serverless).Session();
        var e = Assert.ThrowsAsync<PipelineException>(() => Provision.RunAsync(s, None));

        Assert.That(e!.Message, Does.Contain("records a provisioned warehouse, but [CLUSTER] kind is serverless")
            .And.Contain("./build.sh Teardown --CLUSTER:kind=provisioned first"));
        Assert.That(serverless.Calls, Is.Empty, "nothing of Redshift Serverless was touched");
        using (var cluster = moto.Session(Profile.Aws, moto.Context())) await TeardownAws.RunAsync(cluster, null, None);
        Assert.That(await moto.Redshift().DescribeAsync("sparkify-dwh", None), Is.Null, "Teardown followed the recorded kind");
    }

    /// The role's trust policy as IAM holds it (GetRole's AssumeRolePolicyDocument, URL-encoded on the wire).
    static async Task<string> TrustAsync(MotoAccount moto)
    {
        using var api = new QueryApi(QueryEndpoint.Iam(moto.Context()), moto.Context(), RetrySpec.Immediate);
        return Uri.UnescapeDataString(QueryApi.Find(await api.SendAsync(Iam.GetRole("sparkify-dwh-s3-read"), None), "AssumeRolePolicyDocument")!);
    }

    static async Task AssertAllGoneAsync(MotoAccount moto, ServerlessResponder serverless)
    {
        Assert.That(serverless.State.Workgroups, Is.Empty);
        Assert.That(serverless.State.Namespaces, Is.Empty);
        Assert.That(serverless.State.UsageLimits, Is.Empty);
        Assert.That(await moto.Iam().RoleArnAsync("sparkify-dwh-s3-read", None), Is.Null);
        Assert.That(await moto.IngressAsync(5439), Is.Empty);
    }
}

/// The same through ./build.sh as a user runs it: [AWS] endpoint = moto, [AWS] serverless_endpoint = the test double.
public class ServerlessBuildScriptTests
{
    [Test]
    public async Task Provision_Status_a_warehouse_target_and_Teardown_twice_work_through_build_sh()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var serverless = new ServerlessResponder(pollsUntilDone: 0);
        using var build = new BuildScript();
        var credentials = await moto.SignInAsync(build);
        string[] aws = ["--profile=aws", "--CLUSTER:kind=serverless", $"--AWS:endpoint={moto.Endpoint}", $"--AWS:serverless_endpoint={serverless.Endpoint}",
            "--NETWORK:ingress_cidr=203.0.113.7/32", "--CLUSTER:connect_timeout_seconds=5"];

        var provision = build.Run(["Provision", .. aws]);
        var status = build.Run(["Status", .. aws]);
        var tables = build.Run(["CreateTables", .. aws, "--skip=Provision"]);
        var teardown = build.Run(["Teardown", .. aws]);
        var again = build.Run(["Teardown", .. aws]);

        Assert.That(provision.ExitCode, Is.EqualTo(0), provision.Output);
        Assert.That(provision.Output, Does.Contain("Cost estimate: 8 RPU base capacity in us-west-2").And.Contain("workgroup sparkify-dwh requested"));
        Assert.That(status.Output, Does.Contain("workgroup  sparkify-dwh: AVAILABLE, 8 RPU base capacity").And.Contain("limit: 24 RPU-hours daily (deactivate)"));
        Assert.That(tables.ExitCode, Is.Not.EqualTo(0), "no Redshift answers at the workgroup's address here");
        Assert.That(tables.Output, Does.Contain("Warehouse login: IAM:tester (temporary").And.Contain("from GetCredentials")
            .And.Contain("cannot reach sparkify-dwh.123456789012.us-west-2.redshift-serverless.amazonaws.com:5439"));
        Assert.That(teardown.ExitCode, Is.EqualTo(0), teardown.Output);
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Output);
        Assert.That(again.Output, Does.Contain("workgroup sparkify-dwh: already gone").And.Contain("namespace sparkify-dwh: already gone"));
        Assert.That(serverless.State.Workgroups.Concat(serverless.State.Namespaces), Is.Empty);
        Assert.That(serverless.Operations, Has.Member("GetCredentials"));
        Assert.That(serverless.Refusals, Is.Empty);
        Assert.That(string.Concat(provision.Output, status.Output, tables.Output, teardown.Output), Does.Not.Contain(credentials.SecretKey).And.Not.Contain("Tmp-"));
    }
}
