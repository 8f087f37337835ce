using System.Globalization;
using Npgsql;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// <summary>
/// A hand-made star schema small enough to work every analytics answer out by hand (the tests state them).
/// Four users: Ann stays free, Bob upgrades free -> paid, Cat is always paid, Dan goes paid -> free.
/// Ann and Dan both have a session 10, so sessions must be counted per user. 2018-11-04 is a Sunday.
/// Names carry '&lt;' and '&amp;' so the report's escaping is tested on real values.
/// Each play carries its own title and artist (<see cref="Named"/>, songplays.song_title and artist_name), and
/// staging_events holds the event it came from: Ann's third play names First Song but did not match it (another
/// duration), the unmatched plays name "Hit Tune" and "Other" by Delta, and Dan's last play named none and is no longer
/// staged.
/// </summary>
public static class StarSchema
{
    public const string WindowsChrome = "\"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36\"";
    public const string IPhoneSafari = "\"Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53\"";
    public const string MacFirefox = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0";
    public const string WindowsEdge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";
    public const string AndroidChrome = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36";

    /// (user, level, start time, song, artist, session, item, location, user agent)
    public static readonly (string User, string Level, string Start, string? Song, string? Artist, int Session, int Item, string? Location, string? Agent)[] Plays =
    [
        ("1", "free", "2018-11-04 08:00:00", "SO1", "AR1", 10, 1, "Town A", WindowsChrome),
        ("1", "free", "2018-11-04 08:04:00", "SO1", "AR1", 10, 2, "Town A", WindowsChrome),
        ("1", "free", "2018-11-04 08:08:00", null, null, 10, 3, "Town A", WindowsChrome),
        ("1", "free", "2018-11-08 12:00:00", null, null, 11, 1, "Town A", WindowsChrome),
        ("2", "free", "2018-11-05 09:00:00", "SO2", "AR1", 20, 1, "Town B", IPhoneSafari),
        ("2", "paid", "2018-11-06 10:00:00", "SO1", "AR1", 21, 1, "Town B", IPhoneSafari),
        ("2", "paid", "2018-11-06 10:05:00", "SO3", "AR2", 21, 2, "Town B", IPhoneSafari),
        ("3", "paid", "2018-11-10 22:00:00", "SO3", "AR2", 30, 1, "Town A", MacFirefox),
        ("3", "paid", "2018-11-10 22:05:00", "SO3", "AR2", 30, 2, "Town A", MacFirefox),
        ("3", "paid", "2018-11-10 22:10:00", "SO3", "AR2", 30, 3, "Town A", MacFirefox),
        ("3", "paid", "2018-11-10 22:15:00", null, null, 30, 4, "Town A", MacFirefox),
        ("3", "paid", "2018-11-10 22:20:00", null, null, 30, 5, "Town A", MacFirefox),
        ("3", "paid", "2018-11-10 22:25:00", null, null, 30, 6, "Town A", MacFirefox),
        ("4", "paid", "2018-11-05 23:00:00", "SO2", "AR1", 10, 1, "Town C", WindowsEdge),
        ("4", "free", "2018-11-07 01:00:00", null, null, 40, 1, null, null),
        ("4", "free", "2018-11-07 01:03:00", null, null, 40, 2, null, AndroidChrome),
    ];

    /// The title and artist each play's event names, by (user, session, item); a play missing here named none and is not staged.
    public static readonly Dictionary<(string User, int Session, int Item), (string Song, string Artist)> Named = new()
    {
        [("1", 10, 1)] = ("First Song", "Alpha Band"), [("1", 10, 2)] = ("First Song", "Alpha Band"),
        [("1", 10, 3)] = ("First Song", "Alpha Band"), [("1", 11, 1)] = ("Hit Tune", "Delta"),
        [("2", 20, 1)] = ("Second Song", "Alpha Band"), [("2", 21, 1)] = ("First Song", "Alpha Band"),
        [("2", 21, 2)] = ("Third <Song>", "Beta & <Co>"),
        [("3", 30, 1)] = ("Third <Song>", "Beta & <Co>"), [("3", 30, 2)] = ("Third <Song>", "Beta & <Co>"),
        [("3", 30, 3)] = ("Third <Song>", "Beta & <Co>"), [("3", 30, 4)] = ("Hit Tune", "Delta"),
        [("3", 30, 5)] = ("Hit Tune", "Delta"), [("3", 30, 6)] = ("Other", "Delta"),
        [("4", 10, 1)] = ("Second Song", "Alpha Band"), [("4", 40, 1)] = ("Hit Tune", "Delta"),
    };

    /// A fresh database with the seven tables and the rows above.
    public static async Task<WarehouseEndpoint> NewAsync()
    {
        var db = await PostgresFixture.NewDatabaseAsync("star");
        await SeedAsync(db);
        return db;
    }

    /// Creates the tables (keeping existing ones) and inserts the rows above.
    public static async Task SeedAsync(WarehouseEndpoint db)
    {
        await CreateTables.RunAsync(db, SqlFiles.In(Repo.Root), recreate: false, CancellationToken.None);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, """
            insert into artists (artist_id, name, location, latitude, longitude) values
                ('AR1', 'Alpha Band', 'Springfield', 40.1, -89.6),
                ('AR2', 'Beta & <Co>', null, null, null),
                ('AR3', 'Gamma', null, null, null);
            insert into songs (song_id, title, artist_id, year, duration) values
                ('SO1', 'First Song', 'AR1', 2001, 200.0),
                ('SO2', 'Second Song', 'AR1', 2002, 180.0),
                ('SO3', 'Third <Song>', 'AR2', 0, 210.0),
                ('SO4', 'Unplayed', 'AR3', 1999, 100.0);
            insert into users (user_id, first_name, last_name, gender, level) values
                ('1', 'Ann', 'Free', 'F', 'free'),
                ('2', 'Bob', 'Upgrade', 'M', 'paid'),
                ('3', 'Cat', 'Paid', 'F', 'paid'),
                ('4', 'Dan', 'Down', 'M', 'free');
            """);
        foreach (var p in Plays)
        {
            var start = DateTime.Parse(p.Start, CultureInfo.InvariantCulture);
            await using var time = new NpgsqlCommand(
                "insert into time values ($1, $2, $3, $4, $5, $6, $7)", connection)
            {
                Parameters =
                {
                    new() { Value = start }, new() { Value = (short)start.Hour }, new() { Value = (short)start.Day },
                    new() { Value = (short)ISOWeek.GetWeekOfYear(start) }, new() { Value = (short)start.Month },
                    new() { Value = (short)start.Year }, new() { Value = (short)start.DayOfWeek },
                },
            };
            await time.ExecuteNonQueryAsync();
            await using var play = new NpgsqlCommand(
                "insert into songplays (start_time, user_id, level, song_id, artist_id, session_id, item_in_session, location, user_agent, " +
                "song_title, artist_name) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", connection)
            {
                Parameters =
                {
                    new() { Value = start }, new() { Value = p.User }, new() { Value = p.Level },
                    new() { Value = (object?)p.Song ?? DBNull.Value }, new() { Value = (object?)p.Artist ?? DBNull.Value },
                    new() { Value = p.Session }, new() { Value = p.Item },
                    new() { Value = (object?)p.Location ?? DBNull.Value }, new() { Value = (object?)p.Agent ?? DBNull.Value },
                    new() { Value = (object?)NamedOrNull(p)?.Song ?? DBNull.Value },
                    new() { Value = (object?)NamedOrNull(p)?.Artist ?? DBNull.Value },
                },
            };
            await play.ExecuteNonQueryAsync();
            if (NamedOrNull(p) is not { } named) continue;
            // A Home page view of the same key must not count: the report reads NextSong events only.
            foreach (var page in new[] { "NextSong", "Home" })
            {
                await using var staged = new NpgsqlCommand(
                    "insert into staging_events (artist, song, page, ts, session_id, item_in_session, user_id, level) " +
                    "values ($1, $2, $3, $4, $5, $6, $7, $8)", connection)
                {
                    Parameters =
                    {
                        new() { Value = page == "NextSong" ? named.Artist : DBNull.Value }, new() { Value = page == "NextSong" ? named.Song : DBNull.Value },
                        new() { Value = page }, new() { Value = new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)).ToUnixTimeMilliseconds() },
                        new() { Value = p.Session }, new() { Value = p.Item }, new() { Value = p.User }, new() { Value = p.Level },
                    },
                };
                await staged.ExecuteNonQueryAsync();
            }
        }
    }

    static (string Song, string Artist)? NamedOrNull((string User, string Level, string Start, string? Song, string? Artist, int Session, int Item, string? Location, string? Agent) p) =>
        Named.TryGetValue((p.User, p.Session, p.Item), out var named) ? named : null;

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
