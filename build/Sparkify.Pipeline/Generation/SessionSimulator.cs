namespace Sparkify.Pipeline.Generation;

/// <summary>
/// The events of one day for one share of the users, in the manner of eventsim (which made the real logs):
/// sessions that may start logged out (Home, Login with userId ""), then NextSong mostly and the other pages in the
/// real mix, sometimes ending in Logout; a user who changes level does it mid-session with Submit Upgrade/Downgrade.
/// </summary>
public sealed class SessionSimulator(GeneratorOptions options, Catalog catalog)
{
    /// Share of NextSong events that name a song_data song exactly (title, artist name and duration).
    public const double MatchShare = 0.2;
    const double TitleOnlyShare = 0.01;
    const double ActiveRate = 0.225;

    static readonly DateTimeOffset November = new(2018, 11, 1, 0, 0, 0, TimeSpan.Zero);

    // Logged-in pages and their counts in the real logs (Home less its logged-out share; Login and Submit apart).
    static readonly string[] Pages = ["NextSong", "Home", "Logout", "Downgrade", "Settings", "Help", "About", "Upgrade", "Save Settings", "Error"];
    static readonly int[] Weights = [6820, 635, 90, 60, 56, 38, 22, 21, 10, 9];
    static readonly string[] LoggedOutPages = ["Home", "About", "Help"];
    static readonly int[] LoggedOutWeights = [171, 14, 9];

    int _nextSession = 1;

    public int Users => User.PerScale * options.Scale;

    public static long DayStart(int day) => November.AddDays(day - 1).ToUnixTimeMilliseconds();

    /// The events of the users whose index is part modulo parts, on that day of November, ordered by ts.
    public List<LogEvent> Day(int day, int part, int parts)
    {
        var events = new List<LogEvent>();
        // Fewer listeners early in the month and at weekends: the real files hold 15 to 533 events a day.
        var weekday = November.AddDays(day - 1).DayOfWeek;
        var dayWeight = (0.45 + day / 28.0) * (weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.0);
        for (var index = part; index < Users; index += parts)
        {
            var user = User.Create(options.Seed, index);
            var r = new Rng(options.Seed, 41, index, day);
            var changing = user.ChangeDay == day;
            if (!changing && !r.Chance(Math.Min(0.9, ActiveRate * user.Activity * dayWeight))) continue;
            // On the day of the change one session only, so no session of that day shows the old level after it.
            var sessions = !changing && r.Chance(0.15) ? 2 : 1;
            for (var s = 0; s < sessions; s++)
                Session(events, user, day, changing && s == 0, ref r);
        }
        events.Sort((a, b) => a.Ts != b.Ts ? a.Ts.CompareTo(b.Ts) : a.SessionId != b.SessionId
            ? a.SessionId.CompareTo(b.SessionId) : a.ItemInSession.CompareTo(b.ItemInSession));
        return events;
    }

    void Session(List<LogEvent> events, User user, int day, bool changeLevel, ref Rng r)
    {
        var dayEnd = DayStart(day + 1);
        var ts = DayStart(day) + r.Next(0, 80_000) * 1000L + 796;
        var session = _nextSession++;
        var item = 0;
        var level = user.LevelOn(day);
        if (r.Chance(0.18))
        {
            for (var n = r.Next(1, 3); n > 0 && ts < dayEnd; n--, ts += r.Next(1, 20) * 1000L)
                events.Add(LoggedOut(LoggedOutPages[r.Weighted(LoggedOutWeights)], "GET", 200, session, item++, ts, level));
            if (ts >= dayEnd || !r.Chance(0.9)) return;
            events.Add(LoggedOut("Login", "PUT", 307, session, item++, ts, level));
            ts += r.Next(1, 10) * 1000L;
        }
        var length = 1 + (int)Math.Min(150, -Math.Log(1 - r.NextDouble()) * 13);
        for (var i = 0; i < length && ts < dayEnd; i++)
        {
            if (changeLevel && i == length / 2)
            {
                var upgrade = level == "free";
                events.Add(LoggedIn(user, upgrade ? "Upgrade" : "Downgrade", "GET", 200, session, item++, ts, level));
                ts += r.Next(5, 30) * 1000L;
                events.Add(LoggedIn(user, upgrade ? "Submit Upgrade" : "Submit Downgrade", "PUT", 307, session, item++, ts, level));
                ts += r.Next(1, 5) * 1000L;
                level = User.Other(level);
                continue;
            }
            var page = Pages[r.Weighted(Weights)];
            if (page == "NextSong")
            {
                var (artist, song, seconds) = PickSong(ref r);
                events.Add(LoggedIn(user, page, "PUT", 200, session, item++, ts, level) with { Artist = artist, Song = song, Length = seconds });
                ts += (long)Math.Round(seconds) * 1000L;
                continue;
            }
            var (method, status) = page switch
            {
                "Logout" or "Save Settings" => ("PUT", 307),
                "Error" => ("GET", 404),
                _ => ("GET", 200),
            };
            events.Add(LoggedIn(user, page, method, status, session, item++, ts, level));
            ts += r.Next(1, 40) * 1000L;
            if (page != "Logout") continue;
            // After Logout eventsim often shows the logged-out home page in the same session.
            if (ts < dayEnd && r.Chance(0.5)) events.Add(LoggedOut("Home", "GET", 200, session, item++, ts, level));
            return;
        }
    }

    (string Artist, string Song, double Length) PickSong(ref Rng r)
    {
        var roll = r.NextDouble();
        if (roll < MatchShare)
        {
            // Squared: a few catalogue songs are played far more than the rest.
            var song = catalog.Song((int)(catalog.Songs * Math.Pow(r.NextDouble(), 2)));
            return (song.ArtistName, song.Title, song.Duration);
        }
        var other = catalog.UniverseSong((int)(catalog.UniverseSongs * Math.Pow(r.NextDouble(), 3)));
        if (roll < MatchShare + TitleOnlyShare)
            return (other.Artist, catalog.Song(r.Next(0, catalog.Songs)).Title, other.Length);
        return other;
    }

    static LogEvent LoggedOut(string page, string method, int status, int session, int item, long ts, string level) =>
        new(null, "Logged Out", null, null, item, null, null, level, null, method, page, null, session, null, status, ts, null, "");

    static LogEvent LoggedIn(User user, string page, string method, int status, int session, int item, long ts, string level) =>
        new(null, "Logged In", user.FirstName, user.Gender, item, user.LastName, null, level, user.Location, method, page,
            user.Registration, session, null, status, ts, user.UserAgent, user.UserId);
}
