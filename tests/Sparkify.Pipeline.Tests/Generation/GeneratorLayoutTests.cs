using System.Text.Json;
using System.Text.RegularExpressions;
using Sparkify.Pipeline.Generation;

namespace Sparkify.Pipeline.Tests.Generation;

public class GeneratorLayoutTests
{
    static readonly string[] SongKeys =
        ["num_songs", "artist_id", "artist_latitude", "artist_longitude", "artist_location", "artist_name", "song_id", "title", "duration", "year"];

    static readonly string[] EventKeys =
    [
        "artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level", "location", "method", "page",
        "registration", "sessionId", "song", "status", "ts", "userAgent", "userId",
    ];

    [Test]
    public void Song_files_sit_under_the_track_ids_third_to_fifth_letters()
    {
        var sample = GeneratedSampleFixture.Get();
        var files = GeneratedSampleFixture.Files(Path.Combine(sample.Directory, "song_data"));

        Assert.That(files, Has.Count.EqualTo(71));
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(sample.Directory, file);
            Assert.That(relative, Does.Match(@"^song_data/([A-Z])/([A-Z])/([A-Z])/TR\1\2\3[A-Z0-9]{13}\.json$"));
        }
    }

    [Test]
    public void Song_files_hold_one_object_with_the_real_keys_in_order_and_no_trailing_newline()
    {
        var sample = GeneratedSampleFixture.Get();

        Assert.That(sample.Songs.Select(s => s.EnumerateObject().Select(p => p.Name)), Has.All.EqualTo(SongKeys));
        Assert.That(sample.SongTexts, Has.None.EndsWith("\n"));
        Assert.That(sample.SongTexts, Has.All.StartsWith("{\"num_songs\": 1, \"artist_id\": \"AR"));
    }

    [Test]
    public void Log_files_are_one_per_day_of_november_2018_at_scale_1()
    {
        var sample = GeneratedSampleFixture.Get();
        var names = GeneratedSampleFixture.Files(Path.Combine(sample.Directory, "log_data")).Select(f => Path.GetRelativePath(sample.Directory, f));

        Assert.That(names, Is.EqualTo(Enumerable.Range(1, 30).Select(d => $"log_data/2018/11/2018-11-{d:00}-events.json")));
    }

    [Test]
    public void Log_lines_are_ndjson_with_the_real_keys_in_order_and_no_trailing_newline()
    {
        var sample = GeneratedSampleFixture.Get();

        Assert.That(sample.LogTexts, Has.None.EndsWith("\n"));
        Assert.That(sample.LogTexts.SelectMany(t => t.Split('\n')), Has.None.Empty);
        Assert.That(sample.Events.Select(e => e.EnumerateObject().Select(p => p.Name)), Has.All.EqualTo(EventKeys));
        Assert.That(sample.Events, Has.Count.EqualTo(sample.Result.Events));
    }

    [Test]
    public void Each_log_file_holds_only_events_of_its_day_in_ts_order()
    {
        var sample = GeneratedSampleFixture.Get();
        foreach (var file in GeneratedSampleFixture.Files(Path.Combine(sample.Directory, "log_data")))
        {
            var day = DateOnly.Parse(Regex.Match(Path.GetFileName(file), @"^\d{4}-\d{2}-\d{2}").Value);
            var ts = File.ReadAllText(file).Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty("ts").GetInt64()).ToList();

            Assert.That(ts, Is.Ordered, file);
            Assert.That(ts.Select(t => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(t).UtcDateTime)), Has.All.EqualTo(day), file);
        }
    }

    [Test]
    public async Task Above_scale_1_each_day_has_one_file_per_part_named_by_its_day()
    {
        using var dir = new TempDir("gen");

        var result = await Generator.WriteAsync(dir.Path, new GeneratorOptions(3), CancellationToken.None);

        var names = GeneratedSampleFixture.Files(Path.Combine(dir.Path, "log_data")).Select(Path.GetFileName).ToList();
        Assert.That(names, Has.Count.EqualTo(90));
        Assert.That(names, Has.All.Match(@"^2018-11-\d{2}-events-\d{3}\.json$"));
        Assert.That(names.Count(n => n!.StartsWith("2018-11-05-events")), Is.EqualTo(3));
        Assert.That(result.Files, Is.EqualTo(3 * 71 + 90 + 1));
    }

    [Test]
    public void The_jsonpaths_file_is_the_repositorys_own()
    {
        var sample = GeneratedSampleFixture.Get();

        Assert.That(File.ReadAllText(Path.Combine(sample.Directory, "log_json_path.json")),
            Is.EqualTo(File.ReadAllText(Path.Combine(Repo.Root, "jsonpaths", "log_json_path.json"))));
    }

    [Test]
    public void The_result_counts_what_is_on_disk()
    {
        var sample = GeneratedSampleFixture.Get();
        var files = Directory.GetFiles(sample.Directory, "*", SearchOption.AllDirectories);

        Assert.That(sample.Result.Files, Is.EqualTo(files.Length));
        Assert.That(sample.Result.Bytes, Is.EqualTo(files.Sum(f => new FileInfo(f).Length)));
        Assert.That(sample.Result.Songs, Is.EqualTo(71));
        Assert.That(sample.Result.Artists, Is.EqualTo(sample.Songs.Select(s => s.GetProperty("artist_id").GetString()).Distinct().Count()));
        Assert.That(sample.Result.Days, Is.EqualTo(30));
    }
}
