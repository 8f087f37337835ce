using Sparkify.Pipeline.Telemetry;

namespace Sparkify.Pipeline.Tests.Telemetry;

[Description("Issue 28 (3): the GitHub Actions step summary")]
public class StepSummaryTests
{
    [Test]
    public void The_summary_lists_targets_with_seconds_and_status_rows_per_table_loads_and_failed_checks()
    {
        var markdown = StepSummary.Markdown(SampleSummary.Etl(failedChecks: 1, loadErrors: 1, rejected: 1), "Etl");

        Assert.That(markdown, Does.StartWith("### sparkify-dwh Etl: ❌ failed"));
        Assert.That(markdown, Does.Contain("| StageCopy | ✅ succeeded | 3.25 |"));
        Assert.That(markdown, Does.Contain("| Verify | ❌ failed | 0.5 |"));
        Assert.That(markdown, Does.Contain("| songplays | 6,502 |"));
        Assert.That(markdown, Does.Contain("| time | (missing) |"));
        Assert.That(markdown, Does.Contain("| staging_events | 7,690 | 30 | 1 / 2 / 3 / 24 | 3.3 | 1 |"), "issue 27: the objects listed, then what the load did to them");
        Assert.That(markdown, Does.Contain("| staging_songs | 71 | 71 |  | 0.0 | 0 |"), "no ledger counts: an empty cell");
        Assert.That(markdown, Does.Contain("**Checks:** 1 passed, 1 failed, 0 informational."));
        Assert.That(markdown, Does.Contain("| sql/quality/songplays_user_in_users.sql | 1 | songplay_id=7, user_id=999999 |"));
        Assert.That(markdown, Does.Not.Contain("Cost"), "the local profile costs nothing");
    }

    [Test]
    public void Values_from_data_cannot_break_the_table_or_bring_html()
    {
        var summary = SampleSummary.Etl(loadErrors: 1, rejected: 1);
        summary["load_errors"]![0]!["value"] = "a|b\n<img src=x>";

        var markdown = StepSummary.Markdown(summary, "Etl");

        Assert.That(markdown, Does.Contain("| a\\|b &lt;img src=x&gt; |"));
    }

    [Test]
    public void On_aws_the_summary_gives_the_cluster_price()
    {
        var summary = SampleSummary.Etl();
        summary["profile"] = "aws";
        summary["cost"] = new System.Text.Json.Nodes.JsonObject { ["estimate"] = "4 x dc2.large in us-west-2: about 1.00 USD per hour" };

        Assert.That(StepSummary.Markdown(summary, "Etl"), Does.Contain("**Cost** (AWS, on-demand): cluster: 4 x dc2.large in us-west-2: about 1.00 USD per hour"));
    }
}
