using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Modeling;

/// users: one row per non-empty userId, level of the latest event by ts, ties broken by session then item.
public class UsersTransformTests
{
    [Test]
    public async Task User_who_upgrades_mid_day_is_paid_and_each_play_keeps_its_level_at_play_time()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-05 09:00:00.000"), Level: "free", SessionId: 1, ItemInSession: 0),
            new StagedEvent("7", Ms("2018-11-05 12:00:00.000"), Page: "Submit Upgrade", Level: "free", SessionId: 2, ItemInSession: 0,
                Song: null, Artist: null, Length: null),
            new StagedEvent("7", Ms("2018-11-05 12:05:00.000"), Level: "paid", SessionId: 2, ItemInSession: 1));

        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select user_id, first_name, last_name, gender, level from users"),
            Is.EqualTo(new[] { "7|Ann|Lee|F|paid" }));
        Assert.That(await warehouse.RowsAsync("select start_time, level from songplays order by start_time"),
            Is.EqualTo(new[] { "2018-11-05 09:00:00.000|free", "2018-11-05 12:05:00.000|paid" }));
    }

    [Test]
    public async Task Latest_event_may_be_any_page_a_downgrade_after_the_last_play_counts()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-05 09:00:00.000"), Level: "paid", ItemInSession: 0),
            new StagedEvent("7", Ms("2018-11-05 09:10:00.000"), Page: "Submit Downgrade", Level: "free", ItemInSession: 1,
                Song: null, Artist: null, Length: null));

        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select level from users"), Is.EqualTo(new[] { "free" }));
        Assert.That(await warehouse.RowsAsync("select level from songplays"), Is.EqualTo(new[] { "paid" }));
    }

    [Test]
    public async Task Two_events_at_the_same_millisecond_resolve_to_the_later_item_in_session_whatever_the_staging_order()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        var sameMs = Ms("2018-11-05 10:00:00.123");
        // user 8: item 4 is paid -> paid. user 9: item 4 is free (staged first) -> free.
        await warehouse.StageAsync(
            new StagedEvent("8", sameMs, Page: "Home", Level: "free", SessionId: 5, ItemInSession: 3, Song: null, Artist: null, Length: null),
            new StagedEvent("8", sameMs, Level: "paid", SessionId: 5, ItemInSession: 4),
            new StagedEvent("9", sameMs, Level: "free", SessionId: 6, ItemInSession: 4),
            new StagedEvent("9", sameMs, Page: "Home", Level: "paid", SessionId: 6, ItemInSession: 3, Song: null, Artist: null, Length: null));

        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select user_id, level from users order by user_id"), Is.EqualTo(new[] { "8|paid", "9|free" }));
        // Two plays at one millisecond: two songplays, one time row.
        Assert.That(await warehouse.CountAsync("songplays"), Is.EqualTo(2));
        Assert.That(await warehouse.RowsAsync("select start_time from time"), Is.EqualTo(new[] { "2018-11-05 10:00:00.123" }));
    }

    [Test]
    public async Task Logged_out_events_add_no_user_and_names_empty_in_the_log_become_null()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            new StagedEvent("", Ms("2018-11-05 08:00:00.000"), Page: "Home", Auth: "Logged Out", FirstName: null, LastName: null,
                Gender: null, Song: null, Artist: null, Length: null),
            new StagedEvent(null, Ms("2018-11-05 08:01:00.000"), Page: "Login", Auth: "Logged Out", Song: null, Artist: null, Length: null),
            new StagedEvent("7", Ms("2018-11-05 08:02:00.000"), Page: "Home", FirstName: "", Gender: "", Song: null, Artist: null, Length: null));

        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select user_id, first_name, last_name, gender, level from users"),
            Is.EqualTo(new[] { "7|null|Lee|null|free" }));
        Assert.That(await warehouse.CountAsync("songplays"), Is.EqualTo(0), "no NextSong event, no play");
    }
}
