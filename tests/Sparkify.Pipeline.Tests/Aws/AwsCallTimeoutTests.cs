using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Aws;

/// <summary>
/// Every AWS call ends (issue 26): the Query API clients (IAM, Redshift) and the SDK's EC2 client give up on an
/// endpoint that accepts and never answers after [a bounded number of] attempts of AwsContext.CallTimeout each,
/// naming the endpoint.
/// </summary>
public class AwsCallTimeoutTests
{
    static AwsContext Silent(SilentListener listener) =>
        new("us-west-2", listener.Url, AwsContext.MotoCredentials) { CallTimeout = TimeSpan.FromSeconds(1) };

    [Test]
    [Description("Issue 26: a silent Redshift or IAM endpoint must not hang a target")]
    public async Task A_Query_API_endpoint_that_never_answers_fails_naming_it()
    {
        using var silent = new SilentListener();
        var aws = Silent(silent);
        using var api = new QueryApi(QueryEndpoint.Redshift(aws), aws, RetrySpec.Immediate);

        // Four attempts of one second each (RetrySpec.Immediate), plus a margin.
        var e = await Bounded.FailureWithinAsync(() => new Redshift(api).DescribeAsync("sparkify-dwh", CancellationToken.None),
            TimeSpan.FromSeconds(4 + 3), "DescribeClusters against a silent endpoint");

        Assert.That(e, Is.InstanceOf<PipelineException>());
        Assert.That(e.Message, Does.StartWith($"could not reach redshift at {silent.Url}/ for DescribeClusters after 4 attempts"));
        Assert.That(silent.Connections, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task An_EC2_endpoint_that_never_answers_fails_within_the_sdk_retries_naming_it()
    {
        using var silent = new SilentListener();
        var aws = Silent(silent);
        using var ec2 = aws.Ec2();

        var e = await Bounded.FailureWithinAsync(() => AwsStep.RunAsync(aws, "default security group", "[AWS] region",
            () => new Ingress(ec2).DefaultSecurityGroupAsync("us-west-2", CancellationToken.None)), TimeSpan.FromSeconds(20),
            "DescribeVpcs against a silent endpoint");

        Assert.That(e, Is.InstanceOf<PipelineException>());
        Assert.That(e.Message, Is.EqualTo($"default security group: AWS did not answer within 1 s per attempt; check [AWS] endpoint = " +
                                          $"{silent.Url} and that the service is up"));
        Assert.That(silent.Connections, Is.GreaterThanOrEqualTo(1));
    }
}
