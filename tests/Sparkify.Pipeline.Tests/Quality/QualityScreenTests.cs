using Npgsql;
using Sparkify.Pipeline.Modeling;
using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Quality;

/// The screens of sql/quality/screens count exactly the rows of the checks they answer, so Verify's outcomes with
/// them are the outcomes of running every check file (issue 13).
[Description("issue 13: Verify fast at scale 100, with the same checks, statuses, counts and first rows")]
public class QualityScreenTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);

    /// What breaks the tables, by name; each makes a screened check fail, but "clean" and "staged event doubled" (the
    /// count is of distinct natural keys, and the fact is there), which pass on purpose.
    public static readonly string[] Breaks =
    [
        "clean", "play deleted", "staged event deleted", "staged event doubled", "staged event doubled, play deleted",
        "staged event without user", "play moved an hour", "time row added", "play of another day deleted",
        "play of level gold with an empty location", "user of a play deleted", "song of a play deleted",
    ];

    static async Task<TestWarehouse> BrokenAsync(string name)
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(new StagedSong("SO1", "Song A", "ARA", "Artist A", 200.0));
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-05 09:00:00.000"), ItemInSession: 0),
            new StagedEvent("8", Ms("2018-11-05 09:01:00.000"), ItemInSession: 0, SessionId: 2, Song: "Unknown"),
            new StagedEvent("9", Ms("2018-11-06 10:00:00.000"), ItemInSession: 0, SessionId: 3));
        await warehouse.TransformAsync();
        const string copy = "insert into staging_events select * from staging_events where user_id = '8'";
        foreach (var statement in name switch
                 {
                     "clean" => [],
                     "play deleted" => ["delete from songplays where user_id = '8'"],
                     "staged event deleted" => ["delete from staging_events where user_id = '8'"],
                     "staged event doubled" => [copy],
                     "staged event doubled, play deleted" => [copy, "delete from songplays where user_id = '8'"],
                     "staged event without user" => ["update staging_events set user_id = null where user_id = '9'"],
                     "play moved an hour" => ["update songplays set start_time = start_time + interval '1 hour' where user_id = '7'"],
                     "time row added" => ["insert into time values ('2018-11-07 00:00:00', 0, 7, 45, 11, 2018, 3)"],
                     "play of another day deleted" => ["delete from songplays where user_id = '9'"],
                     "play of level gold with an empty location" => ["update songplays set level = 'gold', location = '' where user_id = '7'"],
                     "user of a play deleted" => ["delete from users where user_id = '8'"],
                     "song of a play deleted" => ["delete from songs where song_id = 'SO1'"],
                     _ => new[] { $"unknown break {name}" },
                 })
            await warehouse.ExecuteAsync(statement);
        return warehouse;
    }

    /// A scoped Verify (docs/reruns.md) binds the one-day window as both its ranges, as Verify does for a daily run's days.
    static async Task<IReadOnlyList<CheckOutcome>> OutcomesAsync(TestWarehouse warehouse, DateWindow? window, bool screened, bool scoped)
    {
        var checks = Sql.List(Verify.Folder).Select(f => QualityCheck.From(f, Sql.Read(f))).ToList();
        var screens = screened ? Screens() : [];
        await using var one = await warehouse.Db.OpenAsync(CancellationToken.None);
        await using var two = await warehouse.Db.OpenAsync(CancellationToken.None);
        var range = await EventRange.ForAsync(one, Sql, window, CancellationToken.None);
        return await CheckRunner.RunAsync([one, two], checks, screens, range, CancellationToken.None, days: scoped ? range : null);
    }

    static List<QualityScreen> Screens() => Sql.List(QualityScreen.Folder).Select(f => QualityScreen.From(f, Sql.Read(f))).ToList();

    static async Task<Dictionary<string, long>> ScreenCountsAsync(TestWarehouse warehouse, DateWindow? window, bool scoped)
    {
        var counts = new Dictionary<string, long>();
        await using var connection = await warehouse.Db.OpenAsync(CancellationToken.None);
        var range = await EventRange.ForAsync(connection, Sql, window, CancellationToken.None);
        foreach (var screen in Screens())
        {
            await using var command = new NpgsqlCommand(screen.Sql, connection);
            new CheckScope(range, scoped ? range : EventRange.All).Bind(command);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.That(await reader.ReadAsync(), Is.True, screen.File);
            for (var i = 0; i < reader.FieldCount; i++) counts[reader.GetName(i)] = Convert.ToInt64(reader.GetValue(i));
        }
        return counts;
    }

    static IEnumerable<TestCaseData> Cases() =>
        Breaks.SelectMany(b => new[] { new TestCaseData(b, false, false), new TestCaseData(b, true, false), new TestCaseData(b, true, true) });

    [TestCaseSource(nameof(Cases))]
    public async Task Each_screen_column_equals_the_rows_of_its_check_and_verify_reports_the_same(string broken, bool window, bool scoped)
    {
        // Arrange
        var warehouse = await BrokenAsync(broken);
        var scope = window ? new DateWindow(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 5)) : null;

        // Act
        var plain = await OutcomesAsync(warehouse, scope, screened: false, scoped);
        var screened = await OutcomesAsync(warehouse, scope, screened: true, scoped);
        var counts = await ScreenCountsAsync(warehouse, scope, scoped);

        // Assert: the screen counts what the file returns; the outcomes (names, order, rows, first rows) are the same.
        Assert.That(counts, Is.EqualTo(plain.Where(o => counts.ContainsKey(o.Check.Name)).ToDictionary(o => o.Check.Name, o => o.Rows)));
        Assert.That(screened.Select(Line), Is.EqualTo(plain.Select(Line)));
        // user 9's day (2018-11-06) is outside the one-day window, so its breaks pass there; scoped, so is the time row of
        // 2018-11-07 (a scoped Verify runs only where nothing else was written, so no such row can be there).
        var outside = (window && broken is "play of another day deleted" or "staged event without user")
                      || (scoped && broken is "time row added");
        if (broken is not ("clean" or "staged event doubled") && !outside)
            Assert.That(counts.Values.Sum(), Is.GreaterThan(0), "the break must fail a screened check");
    }

    static string Line(CheckOutcome o) => $"{o.Check.Name} {o.Status} {o.Rows} {string.Join(" | ", o.FirstRows)}";

    [Test]
    public void Every_screen_names_the_rules_it_answers_and_a_name_that_is_no_rule_is_refused()
    {
        var checks = Sql.List(Verify.Folder).Select(f => QualityCheck.From(f, Sql.Read(f))).ToList();
        Assert.That(Screens().SelectMany(s => s.Answers), Is.EquivalentTo(new[]
        {
            "songplays_count_matches_staged", "songplays_staged_event_has_fact", "songplays_fact_has_staged_event",
            "songplays_start_time_in_time", "time_start_time_in_songplays", "songplays_level_free_or_paid",
            "songplays_no_empty_strings", "songplays_user_in_users", "songplays_song_in_songs",
        }));
        Assert.DoesNotThrow(() => QualityScreen.Validate(Screens(), checks));

        var unknown = QualityScreen.From("quality/screens/x.sql", "-- answers: songplays_no_such_rule\nselect 0 as songplays_no_such_rule");
        var info = QualityScreen.From("quality/screens/y.sql", "-- answers: songplays_song_match_rate\nselect 0 as songplays_song_match_rate");
        Assert.That(() => QualityScreen.Validate([unknown], checks), Throws.TypeOf<PipelineException>().With.Message.Contains("songplays_no_such_rule"));
        Assert.That(() => QualityScreen.Validate([info], checks), Throws.TypeOf<PipelineException>().With.Message.Contains("songplays_song_match_rate"));
        Assert.That(() => QualityScreen.From("quality/screens/z.sql", "-- z: no answers line\nselect 0 as a"),
            Throws.TypeOf<PipelineException>().With.Message.Contains("answers"));
    }

    [Test]
    public async Task A_check_that_does_not_run_names_its_file_while_the_other_connection_goes_on()
    {
        var warehouse = await BrokenAsync("clean");
        var checks = Sql.List(Verify.Folder).Select(f => QualityCheck.From(f, Sql.Read(f)))
            .Append(QualityCheck.From("quality/zz_broken.sql", "-- zz: broken\nselect x from no_such_table")).ToList();
        await using var one = await warehouse.Db.OpenAsync(CancellationToken.None);
        await using var two = await warehouse.Db.OpenAsync(CancellationToken.None);

        var run = () => CheckRunner.RunAsync([one, two], checks, Screens(), EventRange.All, CancellationToken.None);

        Assert.That(run, Throws.TypeOf<PipelineException>().With.Message.Contains("check sql/quality/zz_broken.sql")
            .And.Message.Contains("42P01"));
    }
}
