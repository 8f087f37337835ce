using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Targets;

namespace Sparkify.Pipeline.Tests.Targets;

/// Provision when things go wrong: a server that dies, bad settings, no network, and secrets kept out of the log.
[NonParallelizable]
public class ProvisionFaultTests
{
    static readonly CancellationToken None = CancellationToken.None;

    /// A log that runs an action the first time a line contains a marker: a fault injected at a known step.
    sealed class TriggerWriter(string marker, Action action) : StringWriter
    {
        bool _fired;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (_fired || value is null || !value.Contains(marker, StringComparison.Ordinal)) return;
            _fired = true;
            action();
        }
    }

    [Test]
    public async Task Moto_killed_during_provision_is_a_clear_error_and_a_rerun_after_restart_completes()
    {
        using var dir = new TempDir("kill");
        var port = Ports.Free();
        var server = new LocalMoto(dir.Path, port, new PipelineLog(TextWriter.Null));
        var endpoint = await server.EnsureRunningAsync(None);
        try
        {
            var config = MotoAccount.Config();
            var state = new Sparkify.Pipeline.State.StateFile(dir.File("state.json"));
            var killer = new TriggerWriter("IAM role sparkify-dwh-s3-read created", () => server.StopAsync(None).GetAwaiter().GetResult());
            using var doomed = new AwsSession(AwsContext.ForMoto(endpoint, "us-west-2"), config, Profile.Local, state,
                new PipelineLog(killer), Pricing.Load(Repo.Root)) { Retry = RetrySpec.Immediate };

            var e = Assert.ThrowsAsync<PipelineException>(() => Provision.RunAsync(doomed, None));

            Assert.That(e!.Message, Does.Contain($"could not reach iam at http://127.0.0.1:{port}/"));
            Assert.That(e.Message, Does.Contain($"check the local moto at http://127.0.0.1:{port} ([LOCAL] moto_port)"));
            Assert.That(state.Load().RoleName, Is.EqualTo("sparkify-dwh-s3-read"), "the step done before the crash was saved");

            await server.EnsureRunningAsync(None);
            var output = new StringWriter();
            using var rerun = new AwsSession(AwsContext.ForMoto(endpoint, "us-west-2"), config, Profile.Local, state,
                new PipelineLog(output), Pricing.Load(Repo.Root)) { Retry = RetrySpec.Immediate };
            var result = await Provision.RunAsync(rerun, None);

            Assert.That(result.Created, Does.Contain("cluster sparkify-dwh").And.Contain("ingress 127.0.0.1/32:5439"));
            Assert.That(state.Load().Endpoint, Is.Not.Null);
        }
        finally
        {
            await server.StopAsync(None);
        }
    }

    [Test]
    public async Task Unknown_region_is_a_clear_error_naming_the_setting_before_any_call()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var session = moto.Session(Profile.Local, moto.Context("us-nowhere-1"), "AWS:region=us-nowhere-1");

        var e = Assert.ThrowsAsync<PipelineException>(() => Provision.RunAsync(session, None));

        Assert.That(e!.Message, Does.StartWith("[AWS] region 'us-nowhere-1' is not an AWS region"));
        Assert.That(File.Exists(moto.State.Path), Is.False, "nothing may happen before the region is known to be good");
    }

    [Test]
    public void Unknown_node_type_is_a_clear_error_naming_the_setting()
    {
        var e = Assert.Throws<PipelineException>(() => MotoAccount.Config("CLUSTER:node_type=dc9.huge"));

        Assert.That(e!.Message, Does.Contain("--CLUSTER:node_type 'dc9.huge'").And.Contain("ra3.large"));
    }

    [Test]
    public void Unreachable_endpoint_is_a_clear_error_naming_the_setting()
    {
        using var moto = new MotoAccount("http://127.0.0.1:1");
        var unreachable = $"http://127.0.0.1:{Ports.Free()}";
        using var session = moto.Session(Profile.Aws, new AwsContext("us-west-2", unreachable, AwsContext.MotoCredentials), "NETWORK:ingress_cidr=203.0.113.7/32");

        var e = Assert.ThrowsAsync<PipelineException>(() => Provision.RunAsync(session, None));

        Assert.That(e!.Message, Does.Contain($"could not reach iam at {unreachable}/"));
        Assert.That(e.Message, Does.Contain($"check [AWS] endpoint = {unreachable}"));
        Assert.That(e.Message, Does.Not.Contain("   at "), "an expected failure carries no stack trace");
    }

    [Test]
    public async Task Aws_profile_without_a_detectable_public_ip_asks_for_ingress_cidr()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var plain = moto.Session();
        using var session = new AwsSession(new AwsContext("us-west-2", moto.Endpoint, moto.Credentials), plain.Config, Profile.Aws,
            moto.State, plain.Log, plain.Prices)
        {
            Retry = RetrySpec.Immediate,
            PublicIpSource = _ => throw new HttpRequestException("Name or service not known (checkip.amazonaws.com:443)"),
        };

        var e = Assert.ThrowsAsync<PipelineException>(() => Provision.RunAsync(session, None));

        Assert.That(e!.Message, Does.Contain("could not detect your public IP").And.Contain("set [NETWORK] ingress_cidr"));
        Assert.That(await moto.IngressAsync(5439), Is.Empty, "no rule may be guessed");
        Assert.That(await moto.Redshift().DescribeAsync("sparkify-dwh", None), Is.Null, "nothing may be created before the CIDR is known");
    }

    [Test]
    public async Task No_password_appears_in_any_log_line()
    {
        using var moto = await MotoAccount.FreshAsync();
        const string fromEnvironment = "Env-Secret-Pass-42";
        using (var generated = moto.Session("CLUSTER:auth=password")) await Provision.RunAsync(generated, None);
        var generatedPassword = moto.State.Load().DbPassword!;
        using (var teardown = moto.Session()) await TeardownAws.RunAsync(teardown, null, None);
        using var plain = moto.Session("CLUSTER:auth=password");
        using var withEnv = new AwsSession(plain.Aws, plain.Config, plain.Profile, plain.State, plain.Log, plain.Prices)
            { Retry = RetrySpec.Immediate, PasswordFromEnvironment = fromEnvironment };

        await Provision.RunAsync(withEnv, None);
        using (var status = moto.Session()) await Status.RunAsync(status, None);

        var log = moto.Output.ToString();
        Assert.That(log, Does.Contain("requested"), "the log under test is the one Provision wrote");
        Assert.That(log, Does.Not.Contain(generatedPassword));
        Assert.That(log, Does.Not.Contain(fromEnvironment));
        Assert.That(moto.State.Load().DbPassword, Is.Null, "a password from DWH_DB_PASSWORD is not copied into the state file");
    }

    [Test]
    public async Task Password_from_the_environment_that_breaks_redshift_rules_is_refused_without_echoing_it()
    {
        using var moto = await MotoAccount.FreshAsync();
        using var plain = moto.Session("CLUSTER:auth=password");
        using var session = new AwsSession(plain.Aws, plain.Config, plain.Profile, plain.State, plain.Log, plain.Prices)
            { Retry = RetrySpec.Immediate, PasswordFromEnvironment = "alllowercase-secret" };

        var e = Assert.ThrowsAsync<PipelineException>(() => Provision.RunAsync(session, None));

        Assert.That(e!.Message, Does.Contain("DWH_DB_PASSWORD does not meet Redshift's password rules"));
        Assert.That(e.Message + moto.Output, Does.Not.Contain("alllowercase-secret"));
    }
}
