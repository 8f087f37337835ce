using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Tests.Graph;

/// <summary>
/// Nothing reruns that cannot change: after an Etl, a second Etl finds Verify and Report up to date, says so per
/// target and keeps the report's files; --force runs them; a deleted report file, a write to a table they read, or a
/// failed Verify makes them run again.
/// </summary>
[NonParallelizable]
[Description("Issue 27 item 4: Verify and Report are up to date when their inputs are")]
public class VerifyReportUpToDateTests
{
    BuildScript _build = null!;
    BuildResult _second = null!;
    string _firstRun = "";
    string _htmlBefore = "";

    string ReportFile(string name) => Path.Combine(_build.ArtifactsDir, "report", name);

    static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [OneTimeSetUp]
    public void EtlTwice()
    {
        _build = new BuildScript();
        var first = _build.Run("Etl");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output);
        _firstRun = BuildWarehouse.LastRecord(_build)["run_id"]!.GetValue<string>();
        _htmlBefore = Sha(ReportFile("index.html"));
        _second = _build.Run("Etl");
        Assert.That(_second.ExitCode, Is.EqualTo(0), _second.Output);
    }

    [OneTimeTearDown]
    public void TearDown() => _build.Dispose();

    [Test, Order(1)]
    public void A_second_etl_says_verify_and_report_are_up_to_date_since_the_first_and_keeps_the_report()
    {
        Assert.That(_second.Output, Does.Contain($"Verify: up to date since run {_firstRun}, not run"));
        Assert.That(_second.Output, Does.Contain($"Report: up to date since run {_firstRun}, not run"));
        Assert.That(_second.Output, Does.Not.Contain("Report written to"));
        Assert.That(Sha(ReportFile("index.html")), Is.EqualTo(_htmlBefore));
    }

    [Test, Order(2)]
    public void The_run_summary_names_the_run_whose_result_holds_per_target_and_keeps_its_checks()
    {
        var record = BuildWarehouse.LastRecord(_build);
        var since = record["targets"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["up_to_date_since"]?.GetValue<string>());

        Assert.That(since["Verify"], Is.EqualTo(_firstRun));
        Assert.That(since["Report"], Is.EqualTo(_firstRun));
        Assert.That(since["Transform"], Is.EqualTo(_firstRun));
        Assert.That(since["Provision"], Is.Null);
        Assert.That(record["quality"]!.AsArray().Count, Is.GreaterThan(10), "the checks of the run whose result holds");
    }

    [Test, Order(3)]
    public void Force_runs_verify_and_report_anyway()
    {
        var result = _build.Run("Report", "--force");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("Report written to"));
        var verify = _build.Run("Verify", "--exclusive", "--force");
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.Output);
        Assert.That(verify.Output, Does.Contain("Verify on").And.Not.Contain("up to date since"));
    }

    [Test, Order(4)]
    public void A_deleted_report_file_makes_report_run_again()
    {
        File.Delete(ReportFile("report.md"));

        var result = _build.Run("Report");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("Report written to"));
        Assert.That(File.Exists(ReportFile("report.md")), Is.True);
        Assert.That(_build.Run("Report").Output, Does.Contain("Report: up to date since run"), "and then it is up to date");
    }

    [Test, Order(5)]
    public async Task A_write_to_a_table_they_read_makes_both_run_and_a_failing_verify_runs_every_time()
    {
        await BuildWarehouse.RowsAsync(_build, """
            insert into songplays (start_time, user_id, level, session_id, item_in_session)
            values (timestamp '2018-11-15 12:00:00', 'ghost-27', 'free', 99027, 0)
            returning songplay_id
            """);

        var report = _build.Run("Report");
        var first = _build.Run("Verify", "--exclusive");
        var second = _build.Run("Verify", "--exclusive");

        Assert.That(report.Output, Does.Contain("Report written to"));
        foreach (var verify in new[] { first, second })
        {
            Assert.That(verify.ExitCode, Is.EqualTo(1), verify.Output);
            Assert.That(Regex.IsMatch(verify.Output, @"songplays_user_in_users: 1\b"), Is.True, verify.Output);
        }
    }

    [Test, Order(6)]
    public void A_new_warehouse_after_teardown_never_takes_the_old_report_as_current()
    {
        // A new cluster built by the same commands repeats the tables' oids and write counts; the report must still run.
        Assert.That(_build.Run("Teardown").ExitCode, Is.EqualTo(0));
        var etl = _build.Run("Etl");

        Assert.That(etl.ExitCode, Is.EqualTo(0), etl.Output);
        Assert.That(etl.Output, Does.Contain("Report written to").And.Not.Contain("Report: up to date since run"));
    }
}
