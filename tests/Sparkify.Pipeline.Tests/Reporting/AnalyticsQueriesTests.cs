using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// Each query of sql/analytics against the hand-made <see cref="StarSchema"/>; every expected row was worked out by hand.
public class AnalyticsQueriesTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    WarehouseEndpoint _db = null!;

    [OneTimeSetUp]
    public async Task Seed() => _db = await StarSchema.NewAsync();

    [Test]
    public async Task Overview_counts_plays_listeners_sessions_per_user_and_matched_plays()
    {
        // 16 plays by 4 users; 7 sessions because Ann's and Dan's session 10 are two; 9 plays have a song.
        Assert.That(await RowsAsync("overview"), Is.EqualTo(new[]
        {
            new[] { "16", "4", "7", "9", "56.3", "2018-11-04 08:00:00", "2018-11-10 22:25:00" },
        }));
    }

    [Test]
    [Description("Issue 16: rankings by the plays' own titles count every play, matched or not")]
    public async Task Top_songs_rank_every_play_by_its_own_title_with_the_matched_share()
    {
        // First Song: Ann x3 (one unmatched) + Bob; Hit Tune: Ann, Cat x2, Dan, none matched; Dan's last play named none.
        Assert.That(await RowsAsync("top_songs"), Is.EqualTo(new[]
        {
            new[] { "First Song", "Alpha Band", "4", "2", "3", "75.0" },
            new[] { "Hit Tune", "Delta", "4", "3", "0", "0.0" },
            new[] { "Third <Song>", "Beta & <Co>", "4", "2", "4", "100.0" },
            new[] { "Second Song", "Alpha Band", "2", "2", "2", "100.0" },
            new[] { "(no title)", "(no artist)", "1", "1", "0", "0.0" },
            new[] { "Other", "Delta", "1", "1", "0", "0.0" },
        }));
    }

    [Test]
    [Description("Issue 16")]
    public async Task Top_artists_rank_every_play_by_its_own_artist_with_titles_listeners_and_matched_share()
    {
        Assert.That(await RowsAsync("top_artists"), Is.EqualTo(new[]
        {
            new[] { "Alpha Band", "6", "2", "3", "5", "83.3" },
            new[] { "Delta", "5", "2", "3", "0", "0.0" },
            new[] { "Beta & <Co>", "4", "1", "2", "4", "100.0" },
            new[] { "(no artist)", "1", "0", "1", "0", "0.0" },
        }));
    }

    [Test]
    public async Task Top_matched_songs_count_matched_plays_with_their_artist_and_listeners()
    {
        Assert.That(await RowsAsync("top_matched_songs"), Is.EqualTo(new[]
        {
            new[] { "Third <Song>", "Beta & <Co>", "4", "2" },
            new[] { "First Song", "Alpha Band", "3", "2" },
            new[] { "Second Song", "Alpha Band", "2", "2" },
        }));
    }

    [Test]
    public async Task Top_matched_artists_count_plays_songs_and_listeners()
    {
        Assert.That(await RowsAsync("top_matched_artists"), Is.EqualTo(new[]
        {
            new[] { "Alpha Band", "5", "2", "3" },
            new[] { "Beta & <Co>", "4", "1", "2" },
        }));
    }

    [Test]
    [Description("Issue 16: hours without plays show as zero rows")]
    public async Task Plays_by_hour_list_all_24_hours_with_zero_where_nothing_played()
    {
        var played = new Dictionary<string, string[]>
        {
            ["1"] = ["2", "1"], ["8"] = ["3", "1"], ["9"] = ["1", "1"], ["10"] = ["2", "1"],
            ["12"] = ["1", "1"], ["22"] = ["6", "1"], ["23"] = ["1", "1"],
        };
        var expected = Enumerable.Range(0, 24).Select(h => new[] { h.ToString() }.Concat(played.GetValueOrDefault(h.ToString(), ["0", "0"])).ToArray());

        Assert.That(await RowsAsync("plays_by_hour"), Is.EqualTo(expected.ToArray()));
    }

    [Test]
    [Description("Issue 16: weekdays without plays show as zero rows")]
    public async Task Plays_by_weekday_start_on_sunday_as_zero_and_show_friday_as_zero()
    {
        // Sun 4th: Ann x3; Mon 5th: Bob 09:00 and Dan 23:00; Tue 6th: Bob x2; Wed 7th: Dan x2; Thu 8th: Ann; Sat 10th: Cat x6.
        Assert.That(await RowsAsync("plays_by_weekday"), Is.EqualTo(new[]
        {
            new[] { "0", "Sunday", "3", "1" }, new[] { "1", "Monday", "2", "2" }, new[] { "2", "Tuesday", "2", "1" },
            new[] { "3", "Wednesday", "2", "1" }, new[] { "4", "Thursday", "1", "1" }, new[] { "5", "Friday", "0", "0" },
            new[] { "6", "Saturday", "6", "1" },
        }));
    }

    [Test]
    public async Task Levels_share_plays_by_level_at_play_time_and_users_by_latest_level()
    {
        // Plays: 7 free, 9 paid of 16. Users (latest level): Ann and Dan free, Bob and Cat paid.
        Assert.That(await RowsAsync("levels"), Is.EqualTo(new[]
        {
            new[] { "free", "7", "43.8", "2", "50.0" },
            new[] { "paid", "9", "56.3", "2", "50.0" },
        }));
    }

    [Test]
    public async Task Upgrades_find_the_first_paid_play_after_a_free_one_and_not_a_downgrade()
    {
        // Bob: free on the 5th, paid on the 6th. Dan went paid -> free, Ann never paid, Cat never free.
        Assert.That(await RowsAsync("upgrades"), Is.EqualTo(new[]
        {
            new[] { "2", "Bob", "Upgrade", "2018-11-05 09:00:00", "2018-11-06 10:00:00" },
        }));
    }

    [Test]
    public async Task Top_locations_count_plays_and_listeners_with_unknown_for_missing()
    {
        Assert.That(await RowsAsync("top_locations"), Is.EqualTo(new[]
        {
            new[] { "Town A", "10", "2" }, new[] { "Town B", "3", "1" }, new[] { "(unknown)", "2", "1" }, new[] { "Town C", "1", "1" },
        }));
    }

    [Test]
    public async Task Platforms_parse_os_and_browser_families_from_user_agents()
    {
        Assert.That(await RowsAsync("platforms"), Is.EqualTo(new[]
        {
            new[] { "Macintosh", "Firefox", "6", "1" }, new[] { "Windows", "Chrome", "4", "1" }, new[] { "iPhone", "Safari", "3", "1" },
            new[] { "Android", "Chrome", "1", "1" }, new[] { "Unknown", "Unknown", "1", "1" }, new[] { "Windows", "Edge", "1", "1" },
        }));
    }

    [Test]
    public async Task Session_lengths_bucket_sessions_per_user_by_plays()
    {
        // Sessions (user, id) = plays: (1,10)=3 (1,11)=1 (2,20)=1 (2,21)=2 (3,30)=6 (4,10)=1 (4,40)=2.
        Assert.That(await RowsAsync("session_lengths"), Is.EqualTo(new[]
        {
            new[] { "1", "3", "3" }, new[] { "2-5", "3", "7" }, new[] { "6-10", "1", "6" },
        }));
    }

    [Test]
    public async Task Every_query_runs_on_an_empty_warehouse()
    {
        var empty = await PostgresFixture.NewDatabaseAsync("empty");
        await Sparkify.Pipeline.Targets.CreateTables.RunAsync(empty, Sql, recreate: false, CancellationToken.None);

        await using var session = await ReadOnlySession.OpenAsync(empty, CancellationToken.None);
        foreach (var query in AnalyticsQuery.LoadAll(Sql))
        {
            var results = await session.RunAsync(query.Sql, query.FileName, CancellationToken.None);
            Assert.That(results, Has.Count.EqualTo(1), query.FileName);
            var rows = query.Name switch { "overview" => 1, "plays_by_hour" => 24, "plays_by_weekday" => 7, _ => 0 };
            Assert.That(results[0].Rows, Has.Count.EqualTo(rows), query.FileName);
        }
    }

    async Task<string[][]> RowsAsync(string name)
    {
        var query = AnalyticsQuery.LoadAll(Sql).Single(q => q.Name == name);
        await using var session = await ReadOnlySession.OpenAsync(_db, CancellationToken.None);
        var result = (await session.RunAsync(query.Sql, query.FileName, CancellationToken.None)).Single();
        return result.Rows.Select(r => r.Select(CellText.Plain).ToArray()).ToArray();
    }
}
