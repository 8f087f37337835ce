using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sparkify.Pipeline.Tests.Quality;

/// <summary>
/// A daily Etl's Verify checks only the new day when the write marks prove that nothing else was written since the last
/// passing Verify, and agrees with a full Verify; a violation planted anywhere else by another writer makes the next
/// Verify full, so it is found (docs/reruns.md, "A scoped daily Verify").
/// </summary>
[Description("issue 27/29: a scoped daily Verify, as cheap as one day and never blind to a planted violation")]
public class ScopedVerifyTests : EtlWithoutTheLastDay
{
    static Dictionary<string, string> Checks(JsonNode summary) => summary["quality"]!.AsArray()
        .ToDictionary(c => c!["check"]!.GetValue<string>(), c => $"{c!["status"]} {c["violations"]?.ToJsonString()}");

    /// A Verify that ran in full, for the reason its log gives, and failed with one offending row of the check.
    internal static void FullAndFailing(BuildResult verify, string fullBecause, string check)
    {
        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.Output);
        Assert.That(verify.Output, Does.Contain(fullBecause));
        Assert.That(Regex.IsMatch(verify.Output, $@"{check}: 1\b"), Is.True, verify.Output);
    }

    [Test, Order(1)]
    public void A_daily_etl_verifies_the_new_day_only_and_a_full_verify_gives_the_same_verdict()
    {
        Sample.AddLastDay();

        var daily = Build.Run("Etl", Sample.Option);
        var dailySummary = BuildWarehouse.Summary(Build);
        var full = Build.Run("Verify", "--exclusive", "--force");

        Assert.That(daily.ExitCode, Is.EqualTo(0), daily.Output);
        Assert.That(daily.Output, Does.Contain(", scoped to 2018-11-30 (the daily Transform of run "));
        Assert.That(dailySummary["verify_scope"]!.ToJsonString(), Does.StartWith("{\"scope\":\"days\",\"days\":[\"2018-11-30\"]"));
        Assert.That(full.ExitCode, Is.EqualTo(0), full.Output);
        Assert.That(full.Output, Does.Contain(", full (--force):"));
        Assert.That(Checks(BuildWarehouse.Summary(Build)), Is.EqualTo(Checks(dailySummary)));
        Assert.That(Checks(dailySummary).Values, Has.All.Matches<string>(s => s.StartsWith("passed") || s.StartsWith("info")));
    }

    [Test, Order(2)]
    public async Task A_violation_planted_outside_the_day_after_it_makes_the_next_verify_full_and_fail()
    {
        await BuildWarehouse.RowsAsync(Build,
            "update songplays set level = 'gold' where songplay_id = (select min(songplay_id) from songplays where start_time < '2018-11-29') returning songplay_id");

        var verify = Build.Run("Verify", "--exclusive");

        FullAndFailing(verify, ", full (the last write since run ", "songplays_level_free_or_paid");
    }
}

/// <summary>
/// The chain's staging link: a staged event planted by hand between the new day's load and its daily Transform (no
/// load records it, so the daily Transform cannot see it) makes the Verify after them full, which finds it.
/// </summary>
[Description("issue 27/29: a scoped daily Verify, as cheap as one day and never blind to a planted violation")]
public class ScopedVerifyStagingWriteTests : EtlWithoutTheLastDay
{
    [Test]
    public async Task A_staged_play_planted_between_the_load_and_the_daily_transform_fails_a_full_verify()
    {
        Sample.AddLastDay();
        var stage = Build.Run("StageCopy", Sample.Option);
        await BuildWarehouse.RowsAsync(Build, """
            insert into staging_events
            select artist, auth, first_name, gender, item_in_session + 100000, last_name, length, level, location, method,
                   page, registration, session_id, song, status, ts, user_agent, user_id, object_id
            from staging_events
            where page = 'NextSong' and ts < 1541808000000
            order by ts
            limit 1
            returning session_id
            """);

        var transform = Build.Run("Transform", "--exclusive");
        var verify = Build.Run("Verify", "--exclusive");

        Assert.That((stage.ExitCode, transform.ExitCode), Is.EqualTo((0, 0)), stage.Output + transform.Output);
        Assert.That(transform.Output, Does.Contain("daily run over the changed days 2018-11-30"), "the Transform stays daily");
        ScopedVerifyTests.FullAndFailing(verify, ", full (staging_events was written between run ", "songplays_staged_event_has_fact");
    }
}

/// <summary>
/// The chain's last link: a daily run after a day's log left the source does a full run's clean-up of users, songs and
/// artists, which can reach facts of any day, so the Verify after it is full.
/// </summary>
[Description("issue 27/29: a scoped daily Verify, as cheap as one day and never blind to a planted violation")]
public class ScopedVerifyAfterRemovalTests : EtlWithoutTheLastDay
{
    [Test]
    public void A_daily_run_that_removed_a_day_is_verified_in_full()
    {
        Sample.AddLastDay();
        var added = Build.Run("Etl", Sample.Option);
        Sample.HoldBackLastDay();

        var removed = Build.Run("Etl", Sample.Option);

        Assert.That((added.ExitCode, removed.ExitCode), Is.EqualTo((0, 0)), added.Output + removed.Output);
        Assert.That(added.Output, Does.Contain(", scoped to 2018-11-30 ("));
        Assert.That(removed.Output, Does.Contain("daily run over the changed days 2018-11-30 and the clean-up of a full run"));
        Assert.That(removed.Output, Does.Contain(", full (run ").And.Contain("daily Transform removed or replaced staged data"));
        Assert.That(BuildWarehouse.Summary(Build)["verify_scope"]!["scope"]!.GetValue<string>(), Is.EqualTo("full"));
    }
}
