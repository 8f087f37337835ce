using System.Text.Json;
using Sparkify.Pipeline.Generation;

namespace Sparkify.Pipeline.Tests.Generation;

/// The quirks of the real sample (../shared/data/sparkify/PROVENANCE.md) that the loader and transforms must survive.
public class GeneratorRealismTests
{
    static GeneratedSampleFixture.Loaded Sample => GeneratedSampleFixture.Get();

    static IEnumerable<JsonElement> Page(string page) => Sample.Events.Where(e => e.Text("page") == page);

    [Test]
    public void Scale_1_has_about_as_many_events_as_the_real_sample()
    {
        Assert.That(Sample.Events, Has.Count.InRange(6_000, 10_500), "the real sample has 8,056");
    }

    [Test]
    public void Logged_out_events_have_an_empty_user_id_and_null_personal_fields()
    {
        var loggedOut = Sample.Events.Where(e => e.Text("auth") == "Logged Out").ToList();

        Assert.That(loggedOut, Has.Count.GreaterThan(50));
        Assert.That(loggedOut.Select(e => e.Text("userId")), Has.All.EqualTo(""));
        foreach (var key in new[] { "firstName", "lastName", "gender", "location", "userAgent", "registration" })
            Assert.That(loggedOut.Select(e => e.GetProperty(key).ValueKind), Has.All.EqualTo(JsonValueKind.Null), key);
        Assert.That(Sample.Events.Where(e => e.Text("userId") == "").Select(e => e.Text("auth")), Has.All.EqualTo("Logged Out"));
        Assert.That(loggedOut.Select(e => e.Text("page")), Has.None.EqualTo("NextSong"));
    }

    [Test]
    public void User_ids_are_numeric_strings()
    {
        Assert.That(Sample.Events.Select(e => e.GetProperty("userId").ValueKind), Has.All.EqualTo(JsonValueKind.String));
        Assert.That(Sample.Events.Select(e => e.Text("userId")).Where(u => u != ""), Has.All.Match(@"^\d+$"));
    }

    [Test]
    public void Registration_is_written_as_a_whole_float()
    {
        var texts = Sample.LogTexts.SelectMany(t => t.Split('\n')).ToList();

        Assert.That(texts.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"""registration"":1\d{12}\.0,")), Is.GreaterThan(texts.Count / 2));
        Assert.That(texts.Count(l => l.Contains("\"registration\":null,")), Is.GreaterThan(0));
    }

    [Test]
    public void Some_user_agents_carry_literal_double_quotes()
    {
        var agents = Sample.Events.Select(e => e.Text("userAgent")).OfType<string>().Distinct().ToList();

        Assert.That(agents.Count(a => a.StartsWith('"') && a.EndsWith('"')), Is.GreaterThan(0));
        Assert.That(agents.Count(a => !a.StartsWith('"')), Is.GreaterThan(0));
        Assert.That(Sample.LogTexts[0], Does.Contain("Mozilla\\/5.0"), "the logs escape '/'");
    }

    [Test]
    public void Non_ascii_names_appear_escaped_in_songs_and_events()
    {
        static bool NonAscii(string? s) => s is not null && s.Any(c => c > 127);

        Assert.That(Sample.Songs.Count(s => NonAscii(s.Text("title")) || NonAscii(s.Text("artist_name"))), Is.GreaterThan(0));
        Assert.That(Sample.Events.Count(e => NonAscii(e.Text("artist")) || NonAscii(e.Text("song"))), Is.GreaterThan(0));
        Assert.That(Sample.LogTexts.Concat(Sample.SongTexts).SelectMany(t => t), Has.All.LessThan((char)128), "written as \\u escapes");
    }

    [Test]
    public void Non_next_song_pages_appear_with_null_artist_song_and_length()
    {
        var pages = Sample.Events.Select(e => e.Text("page")).Distinct().ToList();
        var others = Sample.Events.Where(e => e.Text("page") != "NextSong").ToList();

        Assert.That(pages, Is.SupersetOf(new[] { "NextSong", "Home", "Login", "Logout", "Settings", "Help", "About" }));
        Assert.That(Page("NextSong").Count(), Is.InRange(Sample.Events.Count * 0.75, Sample.Events.Count * 0.92), "6,820 of 8,056 in the real logs");
        foreach (var key in new[] { "artist", "song", "length" })
        {
            Assert.That(others.Select(e => e.GetProperty(key).ValueKind), Has.All.EqualTo(JsonValueKind.Null), key);
            Assert.That(Page("NextSong").Select(e => e.GetProperty(key).ValueKind), Has.None.EqualTo(JsonValueKind.Null), key);
        }
    }

    [Test]
    public void Some_users_change_level_and_some_change_within_a_session()
    {
        var byUser = Sample.Events.Where(e => e.Text("userId") != "").GroupBy(e => e.Text("userId"));
        var bySession = Sample.Events.Where(e => e.Text("userId") != "").GroupBy(e => e.GetProperty("sessionId").GetInt32());

        Assert.That(byUser.Count(g => g.Select(e => e.Text("level")).Distinct().Count() > 1), Is.GreaterThan(0));
        Assert.That(bySession.Count(g => g.Select(e => e.Text("level")).Distinct().Count() > 1), Is.GreaterThan(0));
        Assert.That(Page("Submit Upgrade").Concat(Page("Submit Downgrade")).Count(), Is.GreaterThan(0));
    }

    [Test]
    public void Songs_have_missing_coordinates_empty_locations_and_year_zero()
    {
        Assert.That(Sample.Songs.Count(s => s.GetProperty("artist_latitude").ValueKind == JsonValueKind.Null), Is.InRange(15, 60));
        Assert.That(Sample.Songs.Count(s => s.Text("artist_location") == ""), Is.InRange(10, 50));
        Assert.That(Sample.Songs.Select(s => s.GetProperty("artist_location").ValueKind), Has.All.EqualTo(JsonValueKind.String));
        Assert.That(Sample.Songs.Count(s => s.GetProperty("year").GetInt32() == 0), Is.InRange(20, 60));
        Assert.That(Sample.Songs.Select(s => s.GetProperty("duration").GetDouble()), Has.All.InRange(29.54, 599.25));
    }

    [Test]
    public void Timestamps_are_epoch_milliseconds_in_november_2018()
    {
        var november = SessionSimulator.DayStart(1);
        var december = SessionSimulator.DayStart(31);

        Assert.That(Sample.Events.Select(e => e.GetProperty("ts").GetInt64()), Has.All.InRange(november, december - 1));
    }

    [Test]
    public void Item_in_session_counts_up_from_zero_within_each_session()
    {
        foreach (var session in Sample.Events.GroupBy(e => e.GetProperty("sessionId").GetInt32()))
        {
            var items = session.OrderBy(e => e.GetProperty("ts").GetInt64()).Select(e => e.GetProperty("itemInSession").GetInt32()).ToList();
            Assert.That(items, Is.EqualTo(Enumerable.Range(0, items.Count)), $"session {session.Key}");
        }
    }

    [Test]
    public void A_share_of_next_song_events_match_a_song_on_title_artist_and_duration()
    {
        var songs = Sample.Songs.Select(s => (s.Text("title"), s.Text("artist_name"), s.GetProperty("duration").GetDouble())).ToHashSet();
        var plays = Page("NextSong").ToList();

        var matches = plays.Count(e => songs.Contains((e.Text("song"), e.Text("artist"), e.GetProperty("length").GetDouble())));

        Assert.That(matches / (double)plays.Count, Is.InRange(0.10, 0.30));
    }

    [Test]
    public void Status_and_method_follow_the_page()
    {
        Assert.That(Page("NextSong").Select(e => (e.Text("method"), e.GetProperty("status").GetInt32())).Distinct(), Is.EqualTo(new[] { ("PUT", 200) }));
        Assert.That(Page("Login").Select(e => e.GetProperty("status").GetInt32()).Distinct(), Is.EqualTo(new[] { 307 }));
        Assert.That(Page("Error").Select(e => e.GetProperty("status").GetInt32()).Distinct(), Is.EquivalentTo(Page("Error").Any() ? new[] { 404 } : Array.Empty<int>()));
    }
}
