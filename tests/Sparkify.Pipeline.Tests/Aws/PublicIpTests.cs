using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Aws;

/// Detecting the caller's public IP for the aws profile's default ingress rule.
public class PublicIpTests
{
    [Test]
    public async Task Detected_address_becomes_a_slash_32()
    {
        var cidr = await PublicIp.DetectCidrAsync(_ => Task.FromResult("203.0.113.7\n"), CancellationToken.None);

        Assert.That(cidr, Is.EqualTo("203.0.113.7/32"));
    }

    [Test]
    public void No_network_is_a_clear_error_asking_for_ingress_cidr()
    {
        var e = Assert.ThrowsAsync<PipelineException>(() => PublicIp.DetectCidrAsync(
            _ => throw new HttpRequestException("Name or service not known (checkip.amazonaws.com:443)"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("could not detect your public IP"));
        Assert.That(e.Message, Does.Contain("Name or service not known"));
        Assert.That(e.Message, Does.Contain("set [NETWORK] ingress_cidr in dwh.cfg"));
    }

    [Test]
    public void An_answer_that_is_not_an_ipv4_address_is_refused()
    {
        var e = Assert.ThrowsAsync<PipelineException>(() => PublicIp.DetectCidrAsync(_ => Task.FromResult("<html>captive portal</html>"), CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("not an IPv4 address").And.Contain("[NETWORK] ingress_cidr"));
    }
}
