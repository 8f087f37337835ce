using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Loading;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Generation;

/// Generated data through the project's loader: every line loads, and the day parts still obey the date window.
public class GeneratedSampleLoadTests
{
    [Test]
    public async Task A_generated_sample_in_parts_loads_every_line_with_no_errors()
    {
        using var dir = new TempDir("gen");
        var sample = await Generator.WriteAsync(dir.Path, new GeneratorOptions(2), CancellationToken.None);
        var db = await WithStagingTablesAsync();
        var copies = StagingCopies.Under(dir.Path, Options() with { EmptyAsNull = true, BlanksAsNull = true, TimeFormat = TimeFormat.EpochMillisecs });

        var events = await ClientCopy.RunAsync(db, copies[0], Context(), CancellationToken.None);
        var songs = await ClientCopy.RunAsync(db, copies[1], Context(), CancellationToken.None);

        Assert.That((events.Rows, events.ObjectsListed, events.Rejected), Is.EqualTo((sample.Events, 60, 0)));
        Assert.That((songs.Rows, songs.ObjectsListed, songs.Rejected), Is.EqualTo(((long)sample.Songs, sample.Songs, 0)));
        var matches = Convert.ToInt64(await ScalarAsync(db, """
            select count(*) from staging_events as e
            join staging_songs as s on s.title = e.song and s.artist_name = e.artist and s.duration = e.length
            where e.page = 'NextSong'
            """));
        Assert.That(matches, Is.GreaterThan(0), "the matching share survives the load, doubles unrounded");
        Assert.That(await ScalarAsync(db, "select count(*) from staging_events where user_id is null and auth = 'Logged Out'"), Is.GreaterThan(0L));
    }

    [Test]
    public async Task The_date_window_keeps_every_part_of_its_days_and_nothing_else()
    {
        using var dir = new TempDir("gen");
        await Generator.WriteAsync(dir.Path, new GeneratorOptions(3), CancellationToken.None);
        var db = await WithStagingTablesAsync();
        var window = DateWindow.Parse("2018-11-05", "2018-11-06");
        var copy = StagingCopies.Under(dir.Path, Options(), window)[0];
        var expected = Directory.GetFiles(Path.Combine(dir.Path, "log_data", "2018", "11"))
            .Where(f => Path.GetFileName(f).StartsWith("2018-11-05-") || Path.GetFileName(f).StartsWith("2018-11-06-"))
            .Sum(f => File.ReadAllText(f).Split('\n').Length);

        var events = await ClientCopy.RunAsync(db, copy, Context(), CancellationToken.None);

        Assert.That((events.Rows, events.ObjectsListed), Is.EqualTo(((long)expected, 6)));
        var (start, end) = window!.EpochMilliseconds;
        Assert.That(await ScalarAsync(db, $"select count(*) from staging_events where ts < {start} or ts >= {end}"), Is.EqualTo(0L));
    }
}
