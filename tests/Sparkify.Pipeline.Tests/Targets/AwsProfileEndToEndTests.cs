using System.Diagnostics;

namespace Sparkify.Pipeline.Tests.Targets;

/// <summary>
/// The aws profile as a user runs it, through ./build.sh as a separate process, against moto with request
/// authentication on (test credentials from the environment, the SDK's default chain): Provision, Status, a
/// target that needs the warehouse, Teardown, and Teardown without the state file; moto's state checked after each.
/// </summary>
public class AwsProfileEndToEndTests
{
    static readonly CancellationToken None = CancellationToken.None;
    const string Cidr = "203.0.113.7/32";

    [Test]
    public async Task Provision_Status_Teardown_and_Teardown_without_state_work_through_build_sh_with_signed_requests()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var build = new BuildScript();
        var credentials = await moto.SignInAsync(build);
        build.Environment["DWH_DB_PASSWORD"] = "";
        string[] aws = ["--profile=aws", $"--AWS:endpoint={moto.Endpoint}", $"--NETWORK:ingress_cidr={Cidr}", "--CLUSTER:connect_timeout_seconds=5"];

        var provision = build.Run(["Provision", .. aws]);

        Assert.That(provision.ExitCode, Is.EqualTo(0), provision.Output);
        Assert.That(provision.Output, Does.Contain("Cost estimate: 1 x ra3.large in us-west-2"));
        Assert.That(provision.Output, Does.Not.Contain(credentials.SecretKey));
        var roleArn = await moto.Iam().RoleArnAsync("sparkify-dwh-s3-read", None);
        Assert.That(roleArn, Is.Not.Null);
        Assert.That(await moto.Iam().AttachedPolicyArnsAsync("sparkify-dwh-s3-read", None),
            Is.EqualTo(new[] { "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" }));
        var cluster = await moto.Redshift().DescribeAsync("sparkify-dwh", None);
        Assert.That(cluster, Is.Not.Null);
        Assert.That(cluster!.IamRoleArns, Is.EqualTo(new[] { roleArn }));
        using (var ec2 = moto.Context().Ec2())
            Assert.That(cluster.VpcSecurityGroupIds, Is.EqualTo(new[] { await new Sparkify.Pipeline.Aws.Ingress(ec2).DefaultSecurityGroupAsync("us-west-2", None) }));
        Assert.That((await moto.IngressAsync(5439)).Select(r => r.CidrIp), Is.EqualTo(new[] { Cidr }));
        var stateFile = Path.Combine(build.StateDir, "state-aws.json");
        Assert.That(File.ReadAllText(stateFile), Does.Contain("sparkify-dwh").And.Not.Contain("\"DbPassword\": \"").IgnoreCase,
            "auth = iam: no password at rest");

        var status = build.Run(["Status", .. aws]);

        Assert.That(status.ExitCode, Is.EqualTo(0), status.Output);
        Assert.That(status.Output, Does.Contain("cluster  sparkify-dwh: available").And.Contain($"ingress  tcp/5439: {Cidr}"));

        var clock = Stopwatch.StartNew();
        var tables = build.Run(["CreateTables", .. aws, "--skip=Provision"]);
        clock.Stop();

        Assert.That(tables.ExitCode, Is.Not.EqualTo(0));
        Assert.That(tables.Output, Does.Contain($"cannot reach {cluster.Address}:{cluster.Port}"));
        Assert.That(tables.Output, Does.Contain("Warehouse login: IAM:sparkify_admin (temporary").And.Contain("from GetClusterCredentials"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromMinutes(3)), "a clear error, not a hang");

        var teardown = build.Run(["Teardown", .. aws]);

        Assert.That(teardown.ExitCode, Is.EqualTo(0), teardown.Output);
        await AssertAllGoneAsync(moto);

        Assert.That(build.Run(["Provision", .. aws]).ExitCode, Is.EqualTo(0));
        File.Delete(stateFile);
        var blind = build.Run(["Teardown", .. aws]);

        Assert.That(blind.ExitCode, Is.EqualTo(0), blind.Output);
        Assert.That(blind.Output, Does.Contain("IAM role sparkify-dwh-s3-read deleted"));
        await AssertAllGoneAsync(moto);
    }

    static async Task AssertAllGoneAsync(MotoAccount moto)
    {
        Assert.That(await moto.Iam().RoleArnAsync("sparkify-dwh-s3-read", None), Is.Null);
        Assert.That(await moto.Redshift().DescribeAsync("sparkify-dwh", None), Is.Null);
        Assert.That(await moto.IngressAsync(5439), Is.Empty);
    }
}
