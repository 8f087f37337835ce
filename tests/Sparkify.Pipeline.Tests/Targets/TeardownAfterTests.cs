using Sparkify.Pipeline.Tests.Targets;

namespace Sparkify.Pipeline.Tests.Targets;

/// One command for a whole AWS run that always tears down (issue 10, part 5), against moto through ./build.sh.
[NonParallelizable]
public class TeardownAfterTests
{
    [Test]
    [Description("issue 10: 'Etl --profile=aws && Teardown --profile=aws' left a cluster running when Etl failed")]
    public async Task Aws_run_whose_etl_fails_still_tears_down_and_exits_with_the_etl_failure()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var build = new BuildScript();
        // moto checks signatures in the aws-path tests: the account's own key (MotoAuth).
        var key = await moto.Credentials.GetCredentialsAsync();
        var fakeAws = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = key.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = key.SecretKey, ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null, ["AWS_REGION"] = "us-west-2", ["DWH_DB_PASSWORD"] = null,
        };

        // Provision succeeds on moto; CreateTables fails, because moto's cluster endpoint is not a real warehouse.
        var result = build.Run(true, fakeAws, "Etl", "--profile=aws", $"--AWS:endpoint={moto.Endpoint}",
            "--NETWORK:ingress_cidr=127.0.0.1/32", "--teardown-after");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
        // CreateTables fails before its work, when the writer lock opens the warehouse (issue 11): it cannot be reached.
        Assert.That(result.Output, Does.Contain("Error: cannot reach sparkify-dwh."));
        Assert.That(result.Output, Does.Contain("--teardown-after: the run failed; tearing down anyway"));
        var config = MotoAccount.Config();
        Assert.That(await moto.Redshift().DescribeAsync(config.Cluster.Identifier, CancellationToken.None), Is.Null, "the cluster is still on moto");
        Assert.That(await moto.Iam().RoleArnAsync(config.Iam.RoleName, CancellationToken.None), Is.Null, "the role is still on moto");
        var summary = File.ReadAllText(Path.Combine(build.ArtifactsDir, "run-summary.json"));
        Assert.That(summary, Does.Contain("\"Teardown\""));
    }
}
