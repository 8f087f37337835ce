using System.Net;
using System.Net.Sockets;

namespace Sparkify.Pipeline.Tests.Targets;

/// The Teardown target through ./build.sh: it finishes the local part whatever happens to the AWS part.
[NonParallelizable]
public class TeardownTests
{
    [Test]
    public void Teardown_when_something_else_holds_the_moto_port_warns_and_still_succeeds()
    {
        using var build = new BuildScript();
        using var squatter = new TcpListener(IPAddress.Loopback, build.MotoPort);
        squatter.Start();

        var result = build.Run("Teardown");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("warning: Teardown (AWS) on the local moto did not complete"));
        Assert.That(result.Output, Does.Contain($"127.0.0.1:{build.MotoPort} is already in use by something that is not moto"));
        Assert.That(result.Output, Does.Contain("Teardown (local): moto and PostgreSQL stopped"));
    }

    [Test]
    public void Teardown_when_nothing_runs_succeeds_and_says_there_was_nothing_to_remove()
    {
        using var build = new BuildScript();

        var result = build.Run("Teardown");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("Teardown (AWS): moto is not running, so there is no role, cluster or rule to remove"));
    }
}
