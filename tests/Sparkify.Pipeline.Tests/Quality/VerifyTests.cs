using Sparkify.Pipeline.Quality;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Quality;

/// Verify: each rule catches what it is about; informational checks report and never fail.
public class VerifyTests
{
    /// Two plays of 2018-11-05 by users 7 and 8, one matched to song SO1, transformed (Quality's other tests break it too).
    internal static async Task<TestWarehouse> TransformedAsync()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(new StagedSong("SO1", "Song A", "ARA", "Artist A", 200.0));
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-05 09:00:00.000"), ItemInSession: 0),
            new StagedEvent("8", Ms("2018-11-05 09:01:00.000"), ItemInSession: 0, SessionId: 2, Song: "Unknown"));
        await warehouse.TransformAsync();
        return warehouse;
    }

    static async Task<Dictionary<string, long>> FailedAsync(TestWarehouse warehouse) =>
        (await warehouse.VerifyAsync()).Failures.ToDictionary(f => f.Check.Name, f => f.Rows);

    [Test]
    public async Task Clean_tables_pass_and_the_match_rate_is_reported_as_information()
    {
        var warehouse = await TransformedAsync();

        var report = await warehouse.VerifyAsync();

        Assert.That(report.Failures, Is.Empty);
        var rate = report.Outcomes.Single(o => o.Check.Name == "songplays_song_match_rate");
        Assert.That((rate.Status, rate.FirstRows.Single()), Is.EqualTo(("info", "plays=2, matched=1, match_percent=50.00")));
        Assert.That(report.Table(), Does.Contain("songplays_song_match_rate").And.Contain("passed, 0 failed, 1 informational"));
    }

    [Test]
    public async Task Duplicate_key_that_redshift_would_accept_fails_the_key_check()
    {
        var warehouse = await TransformedAsync();
        // Redshift does not enforce primary keys; drop PostgreSQL's to stage the same situation.
        await warehouse.ExecuteAsync("alter table users drop constraint users_pkey");
        await warehouse.ExecuteAsync("insert into users (user_id, level) values ('7', 'free')");

        Assert.That(await FailedAsync(warehouse), Is.EqualTo(new Dictionary<string, long> { ["users_user_id_unique_not_null"] = 1 }));
    }

    [Test]
    public async Task Level_outside_free_and_paid_and_empty_strings_fail_their_checks()
    {
        var warehouse = await TransformedAsync();
        await warehouse.ExecuteAsync("update users set level = 'gold', first_name = '' where user_id = '8'");

        Assert.That(await FailedAsync(warehouse), Is.EqualTo(new Dictionary<string, long>
            { ["users_level_free_or_paid"] = 1, ["users_no_empty_strings"] = 1 }));
    }

    [Test, Description("issue 11: the two-way reconciliation names the staged event that has no fact")]
    public async Task Missing_play_fails_the_reconciliation_the_count_and_the_time_checks()
    {
        var warehouse = await TransformedAsync();
        await warehouse.ExecuteAsync("delete from songplays where user_id = '8'");

        var report = await warehouse.VerifyAsync();

        Assert.That(report.Failures.ToDictionary(f => f.Check.Name, f => f.Rows), Is.EqualTo(new Dictionary<string, long>
        {
            ["songplays_count_matches_staged"] = 1, ["songplays_staged_event_has_fact"] = 1, ["time_start_time_in_songplays"] = 1,
        }));
        Assert.That(report.Failures.Single(f => f.Check.Name == "songplays_staged_event_has_fact").FirstRows.Single(),
            Does.StartWith("session_id=2, item_in_session=0, user_id=8, ts="));
    }

    [Test, Description("issue 11: the two-way reconciliation names the fact whose event is no longer staged")]
    public async Task Fact_without_its_staged_event_fails_the_reconciliation()
    {
        var warehouse = await TransformedAsync();
        await warehouse.ExecuteAsync("delete from staging_events where user_id = '8'");

        var report = await warehouse.VerifyAsync();

        var failed = report.Failures.ToDictionary(f => f.Check.Name, f => f.Rows);
        Assert.That(failed["songplays_fact_has_staged_event"], Is.EqualTo(1));
        Assert.That(failed.ContainsKey("songplays_staged_event_has_fact"), Is.False);
        Assert.That(report.Failures.Single(f => f.Check.Name == "songplays_fact_has_staged_event").FirstRows.Single(),
            Does.Contain("session_id=2, item_in_session=0, user_id=8"));
    }

    [Test]
    public async Task Failure_message_names_the_file_the_query_and_the_first_offending_rows()
    {
        var warehouse = await TransformedAsync();
        await warehouse.ExecuteAsync("update songplays set level = 'gold'");

        var report = await warehouse.VerifyAsync(runId: "run-v");

        var message = report.FailureMessage();
        Assert.That(message, Does.Contain("1 of 20 quality checks failed"));
        Assert.That(message, Does.Contain("sql/quality/songplays_level_free_or_paid.sql: 2 offending rows"));
        Assert.That(message, Does.Contain("and (s.level is null or s.level not in ('free', 'paid'))"));
        Assert.That(message, Does.Contain("level=gold"));
        Assert.That(await warehouse.RowsAsync("select status, detail from etl_runs where run_id = 'run-v'"),
            Is.EqualTo(new[] { "failed|19 passed, 1 failed" }));
    }

    [Test]
    public void Severity_info_header_marks_a_check_informational()
    {
        var info = QualityCheck.From("x_rate.sql", "-- severity: info\n-- x: rate\nselect 1 as one\n");
        var rule = QualityCheck.From("x_rule.sql", "-- x: rule, severity: info is only a phrase here\nselect 1 as one\n");

        Assert.That((info.Informational, rule.Informational), Is.EqualTo((true, false)));
        Assert.That(new CheckOutcome(info, 1, [], []).Failed, Is.False);
        Assert.That(new CheckOutcome(rule, 1, [], []).Failed, Is.True);
    }
}
