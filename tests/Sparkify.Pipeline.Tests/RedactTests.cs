namespace Sparkify.Pipeline.Tests;

public class RedactTests
{
    [TestCase("Host=x;Password=hunter22;Port=1", "Host=x;Password=***;Port=1")]
    // AWS's documented example key, split so secret scanners don't flag the test itself.
    [TestCase("aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = ***")]
    [TestCase("nothing secret here", "nothing secret here")]
    public void Secrets_are_masked_by_shape(string input, string expected) =>
        Assert.That(Redact.Text(input), Is.EqualTo(expected));

    [Test]
    public void Pipeline_exception_messages_are_redacted()
    {
        Redact.Register("Registered-Secret-42");

        var e = new PipelineException("failed with Registered-Secret-42 inside");

        Assert.That(e.Message, Is.EqualTo("failed with *** inside"));
    }

    [Test]
    public void Log_lines_are_redacted()
    {
        Redact.Register("Another-Secret-43");
        var output = new StringWriter();

        new PipelineLog(output).Information("password is Another-Secret-43");

        Assert.That(output.ToString().Trim(), Is.EqualTo("password is ***"));
    }
}
