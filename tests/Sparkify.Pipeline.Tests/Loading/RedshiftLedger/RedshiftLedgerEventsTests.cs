using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Loading.RedshiftLedger;
using static Sparkify.Pipeline.Tests.Loading.RedshiftLedger.LedgerLoadKit;

namespace Sparkify.Pipeline.Tests.Loading.RedshiftLedger;

/// <summary>
/// issue 27 on Redshift, staging_events: the days the ledger and staging_changes record (so Transform recomputes only
/// those), the window rule, and every statement the load sends for one new day, pinned in order.
/// </summary>
public class RedshiftLedgerEventsTests
{
    const string Day1 = "log_data/2018/11/2018-11-01-events.json";
    const string Day2 = "log_data/2018/11/2018-11-02-events.json";
    const string Day3 = "log_data/2018/11/2018-11-03-events.json";

    /// Epoch milliseconds at noon UTC of a November 2018 day.
    static string Noon(int day) => new DateTimeOffset(2018, 11, day, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString();

    static async Task<RedshiftStandIn> TwoDaysLoadedAsync()
    {
        var s3 = await RedshiftStandIn.CreateAsync();
        s3.Put(Day1, Noon(1), Noon(1));
        s3.Put(Day2, Noon(2));
        await LoadAsync(s3, "staging_events");
        await ClearChangesAsync(s3.Db);
        return s3;
    }

    [Test]
    public async Task A_new_day_is_copied_alone_and_its_days_reach_the_ledger_and_staging_changes()
    {
        var s3 = await TwoDaysLoadedAsync();
        s3.Put(Day3, Noon(3), Noon(3), Noon(3));

        var (result, _, copies) = await LoadAsync(s3, "staging_events");

        Assert.That(Froms(copies), Is.EqualTo(new[] { $"from 's3://sparkify-test/{Day3}'" }));
        Assert.That(copies[0].Split('\n')[0], Is.EqualTo("copy load_staging_events (artist, auth, first_name, gender, item_in_session, last_name, length, " +
                                                          "level, location, method, page, registration, session_id, song, status, ts, user_agent, user_id)"));
        Assert.That(await LedgerAsync(s3.Db, "staging_events"), Is.EqualTo(new[]
        {
            $"{Day1} #1 g1 loaded 2 2018-11-01..2018-11-02", $"{Day2} #1 g1 loaded 1 2018-11-01..2018-11-02", $"{Day3} #2 g2 loaded 3 2018-11-03..2018-11-03",
        }), "an object read with its folder gets the folder's days: more days than its own, never fewer");
        Assert.That(await ChangesAsync(s3.Db), Is.EqualTo(new[] { $"{Day3} added 2018-11-03..2018-11-03" }));
        Assert.That((result.Rows, result.ObjectsListed, result.Counts), Is.EqualTo((3L, 3, new ObjectCounts(1, 0, 0, 2, 0))));
    }

    [Test]
    public async Task A_window_run_acts_on_its_days_only()
    {
        var s3 = await TwoDaysLoadedAsync();
        s3.Put(Day3, Noon(3));
        s3.Objects.Remove(Day1);

        var (_, plan, copies) = await LoadAsync(s3, "staging_events", DateWindow.Parse("2018-11-03", "2018-11-03"));

        Assert.That(Froms(copies), Is.EqualTo(new[] { $"from 's3://sparkify-test/{Day3}'" }));
        Assert.That((plan.Count("added"), plan.Count("removed")), Is.EqualTo((1, 0)), "day 1 left the source, outside the window");
        Assert.That(await RowsAsync(s3.Db, "select song from staging_events"), Is.EqualTo(new[] { Day1, Day1, Day2, Day3 }));
    }

    [Test]
    public async Task Every_statement_of_a_one_object_load_is_sent_in_this_order()
    {
        var s3 = await TwoDaysLoadedAsync();
        s3.Put(Day3, Noon(3));
        using var recorder = new StatementRecorder(s3.Db.Database);

        await LoadAsync(s3, "staging_events");

        var sent = recorder.Statements.Where(s => !s.Contains("standin_copies") && !s.Contains("into sys_load") && !s.StartsWith("insert into load_staging_events (ts"))
            .Select(s => s.Split('\n').First(l => !l.StartsWith("--")).Trim()).ToList();
        Assert.That(sent, Is.EqualTo(new[]
        {
            "select", "select coalesce(max(case when l.load_group > l.object_id then l.load_group else l.object_id end), 0) as last_id",
            "drop table if exists load_staging_events", "create temp table load_staging_events (like staging_events)",
            "drop table if exists load_objects", "create temp table load_objects (",
            // here the COPY goes to the stand-in (pinned by the test above), then the guard, the tag and the stats
            "select", "update load_staging_events set object_id = @object_id where object_id is null", "select",
            "insert into load_objects (",
            "delete from staging_events", "insert into staging_events (artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page, registration, session_id, song, status, ts, user_agent, user_id, object_id)",
            "delete from load_ledger", "insert into load_ledger (", "insert into staging_changes (run_id, table_name, object_key, change, day_from, day_to)",
        }), string.Join("\n", sent));
    }
}
