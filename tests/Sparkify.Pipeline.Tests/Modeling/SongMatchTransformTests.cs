using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Modeling;

/// songplays take song_id and artist_id from a song equal on title, artist name and duration together.
public class SongMatchTransformTests
{
    [Test]
    public async Task Title_shared_by_two_artists_matches_only_the_song_of_the_played_artist_and_duration()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            new StagedSong("SO1", "Intro", "ARA", "Artist A", 200.0),
            new StagedSong("SO2", "Intro", "ARB", "Artist B", 180.5));
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-05 09:00:00.000"), ItemInSession: 0, Song: "Intro", Artist: "Artist B", Length: 180.5),
            new StagedEvent("7", Ms("2018-11-05 09:01:00.000"), ItemInSession: 1, Song: "Intro", Artist: "Artist C", Length: 200.0),
            new StagedEvent("7", Ms("2018-11-05 09:02:00.000"), ItemInSession: 2, Song: "Intro", Artist: "Artist A", Length: 200.0000001),
            new StagedEvent("7", Ms("2018-11-05 09:03:00.000"), ItemInSession: 3, Song: "Intro", Artist: "Artist A", Length: 200.0));

        await warehouse.TransformAsync();

        // Artist C is unknown; 200.0000001 is not 200.0 (exact equality); the title alone never matches.
        Assert.That(await warehouse.RowsAsync("select item_in_session, song_id, artist_id from songplays order by item_in_session"),
            Is.EqualTo(new[] { "0|SO2|ARB", "1|null|null", "2|null|null", "3|SO1|ARA" }));
    }

    [Test]
    public async Task Artist_with_two_spellings_keeps_the_most_complete_row_and_plays_of_either_spelling_match()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            new StagedSong("SO1", "Halo", "AR1", "Beyonce", 261.0, Location: ""),
            new StagedSong("SO2", "Deja Vu", "AR1", "Beyoncé", 240.5, Location: "Houston, TX", Latitude: 29.76078, Longitude: -95.36952),
            // Equally complete spellings: the smaller name wins, whatever the staging order.
            new StagedSong("SO3", "Weight", "AR2", "The Band", 270.0),
            new StagedSong("SO4", "Ophelia", "AR2", "Band, The", 215.0));
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-05 09:00:00.000"), ItemInSession: 0, Song: "Halo", Artist: "Beyonce", Length: 261.0),
            new StagedEvent("7", Ms("2018-11-05 09:05:00.000"), ItemInSession: 1, Song: "Deja Vu", Artist: "Beyoncé", Length: 240.5));

        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select * from artists order by artist_id"),
            Is.EqualTo(new[] { "AR1|Beyoncé|Houston, TX|29.76078|-95.36952", "AR2|Band, The|null|null|null" }));
        Assert.That(await warehouse.RowsAsync("select song_id, artist_id from songplays order by item_in_session"),
            Is.EqualTo(new[] { "SO1|AR1", "SO2|AR1" }));
    }

    [Test]
    public async Task Songs_keep_full_precision_durations_and_year_zero_becomes_null()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            new StagedSong("SO1", "Setanta matins", "AR5", "Elena", 269.58322, Year: 0),
            new StagedSong("SO2", "Other", "AR5", "Elena", 29.54404, Year: 1969));

        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select * from songs order by song_id"),
            Is.EqualTo(new[] { "SO1|Setanta matins|AR5|null|269.58322", "SO2|Other|AR5|1969|29.54404" }));
    }

    [Test]
    public async Task Only_nextsong_events_become_songplays_one_per_event()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        var pages = new[] { "Home", "Login", "Logout", "Upgrade", "Settings", "Help", "About", "Error", "NextSong", "NextSong" };
        await warehouse.StageAsync(pages.Select((page, i) =>
            new StagedEvent("7", Ms("2018-11-05 09:00:00.000") + i * 1000L, Page: page, ItemInSession: i)).ToArray());

        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select item_in_session from songplays order by item_in_session"),
            Is.EqualTo(new[] { "8", "9" }));
    }

    [Test]
    public async Task An_event_staged_twice_is_one_songplay()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        var play = new StagedEvent("7", Ms("2018-11-05 09:00:00.000"), SessionId: 3, ItemInSession: 4);
        await warehouse.StageAsync(play, play);

        await warehouse.TransformAsync();

        Assert.That(await warehouse.CountAsync("songplays"), Is.EqualTo(1));
    }
}
