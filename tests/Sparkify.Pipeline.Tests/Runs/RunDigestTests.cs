using System.Text.Json.Nodes;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.Runs;

public class RunDigestTests
{
    [Test]
    public void Digest_shows_rows_load_errors_and_checks()
    {
        var tables = new Dictionary<string, long?> { ["songplays"] = 6820, ["time"] = null };
        var quality = JsonNode.Parse("""[{"check":"a","status":"passed"},{"check":"b","status":"failed"},{"check":"c","status":"info"}]""");

        var text = RunDigest.Format(tables, new JsonArray(), quality, "artifacts/run-summary.json");

        Assert.That(text.ReplaceLineEndings("\n"), Is.EqualTo(
            "Warehouse tables:\n" +
            "  songplays         6,820\n" +
            "  time          (missing)\n" +
            "Load errors: 0 · Quality checks: 1 passed, 1 failed, 1 informational\n" +
            "Run summary: artifacts/run-summary.json"));
    }
}
