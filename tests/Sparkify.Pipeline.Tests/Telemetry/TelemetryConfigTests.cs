using System.Collections;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Tests.Telemetry;

[Description("Issue 28 (4): [TELEMETRY] otlp_endpoint, validated")]
public class TelemetryConfigTests
{
    static readonly string RepoConfig = Path.Combine(Repo.Root, "dwh.cfg");

    static DwhConfig Load(string text)
    {
        using var dir = new TempDir("cfg");
        File.WriteAllText(dir.File("dwh.cfg"), text);
        return DwhConfig.FromFile(dir.File("dwh.cfg"), new Hashtable(), []);
    }

    static string WithEndpoint(string value) =>
        string.Join("\n", File.ReadAllLines(RepoConfig).Select(l => l.StartsWith("otlp_endpoint =") ? $"otlp_endpoint = {value}" : l));

    [Test]
    public void The_repository_config_exports_nowhere()
    {
        Assert.That(DwhConfig.FromFile(RepoConfig, new Hashtable(), []).Telemetry.OtlpEndpoint, Is.Null);
    }

    [Test]
    public void An_http_endpoint_is_read_and_the_environment_can_set_it()
    {
        Assert.That(Load(WithEndpoint("http://127.0.0.1:4318")).Telemetry.OtlpEndpoint, Is.EqualTo("http://127.0.0.1:4318"));
        var env = new Hashtable { ["DWH_TELEMETRY__OTLP_ENDPOINT"] = "https://collector.example:4318/otel" };
        Assert.That(DwhConfig.FromFile(RepoConfig, env, []).Telemetry.OtlpEndpoint, Is.EqualTo("https://collector.example:4318/otel"));
    }

    [Test]
    public void A_config_without_the_section_still_loads()
    {
        var text = File.ReadAllText(RepoConfig);
        var before = text[..text.IndexOf("[TELEMETRY]", StringComparison.Ordinal)];

        Assert.That(Load(before).Telemetry.OtlpEndpoint, Is.Null);
    }

    [TestCase("collector:4318")]
    [TestCase("ftp://127.0.0.1:4318")]
    [TestCase("http://user:secret@127.0.0.1:4318")]
    [TestCase("http://127.0.0.1:4318/?key=1")]
    public void An_endpoint_that_is_not_a_plain_http_url_fails_naming_the_key(string value)
    {
        var e = Assert.Throws<PipelineException>(() => Load(WithEndpoint(value)));

        Assert.That(e!.Message, Does.StartWith("dwh.cfg [TELEMETRY] otlp_endpoint"));
        Assert.That(e.Message, Does.Contain("is not an http(s):// URL"));
    }
}
