using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Tests.Reporting;

namespace Sparkify.Pipeline.Tests.Quality;

/// <summary>
/// A user sees which rows broke a check: after ./build.sh Etl on the real sample, the owner role plants a fact whose
/// user is in no row of users; Verify (alone, so Transform does not rebuild the fact away) fails, and that fact's key
/// is in its console output, in the check's CSV and in the data docs of the next Report.
/// </summary>
[NonParallelizable]
[Description("Issue 28: the 'Done when' of the failing rows")]
public class PlantedViolationAcceptanceTests
{
    BuildScript _build = null!;
    string _songplayId = "";
    BuildResult _verify = null!;
    BuildResult _report = null!;

    [OneTimeSetUp]
    public async Task PlantAFactWithAnUnknownUserAndVerify()
    {
        var sample = Repo.RequireSampleData();
        _build = new BuildScript();
        var etl = _build.Run("Etl", $"--sample={sample}");
        Assert.That(etl.ExitCode, Is.EqualTo(0), etl.Output);
        _songplayId = (await BuildWarehouse.RowsAsync(_build, """
            insert into songplays (start_time, user_id, level, session_id, item_in_session)
            values (timestamp '2018-11-15 12:00:00', 'ghost-28', 'free', 99028, 0)
            returning songplay_id
            """)).Single();
        _verify = _build.Run("Verify", "--exclusive");
        _report = _build.Run("Report");
    }

    [OneTimeTearDown]
    public void TearDown() => _build.Dispose();

    [Test]
    public void Verify_fails_and_its_console_output_names_the_planted_facts_key()
    {
        Assert.That(_verify.ExitCode, Is.EqualTo(1), _verify.Output);
        Assert.That(_verify.Output, Does.Contain("sql/quality/songplays_user_in_users.sql: 1 offending rows"));
        Assert.That(_verify.Output, Does.Contain($"songplay_id={_songplayId}, user_id=ghost-28"));
        Assert.That(_verify.Output, Does.Contain("songplays_user_in_users: 1"), "the last line names the failed check");
    }

    [Test]
    public void The_checks_csv_holds_the_planted_facts_key()
    {
        var csv = File.ReadAllLines(Path.Combine(_build.ArtifactsDir, "failed", "songplays_user_in_users.csv"));

        Assert.That(csv, Is.EqualTo(new[] { "songplay_id,user_id", $"{_songplayId},ghost-28" }));
    }

    [Test]
    public void The_data_docs_show_the_failed_check_with_the_planted_facts_key()
    {
        Assert.That(_report.ExitCode, Is.EqualTo(0), _report.Output);
        var html = File.ReadAllText(Path.Combine(_build.ArtifactsDir, "report", "index.html"));
        var start = html.IndexOf("<h3 id=\"check-songplays_user_in_users\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0), "the check has its own block");
        var block = html[start..html.IndexOf("<h3", start + 4, StringComparison.Ordinal)];

        Assert.That(block, Does.Contain("<span class=\"status-failed\">failed</span>"));
        Assert.That(HtmlRows.Of(block), Is.EqualTo(new[] { new[] { _songplayId, "ghost-28" } }));
        Assert.That(block, Does.Contain("<a href=\"../failed/songplays_user_in_users.csv\">"));
    }

    [Test]
    public void The_trend_of_the_check_shows_the_passing_etl_then_the_failing_verify()
    {
        var html = File.ReadAllText(Path.Combine(_build.ArtifactsDir, "report", "index.html"));
        var start = html.IndexOf("<section id=\"trends\"", StringComparison.Ordinal);
        var rows = HtmlRows.Of(html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)]).ToDictionary(r => r[0]);

        Assert.That((rows["songplays_user_in_users"][2], rows["songplays_user_in_users"][4]), Is.EqualTo(("1", "2")));
        Assert.That(rows["songplays"][3], Is.EqualTo("6,820 – 6,821"));
    }
}
