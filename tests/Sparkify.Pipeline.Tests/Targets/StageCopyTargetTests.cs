using System.Text.Json.Nodes;
using Sparkify.Pipeline.Tests.Loading;

namespace Sparkify.Pipeline.Tests.Targets;

/// ./build.sh StageCopy as a user runs it: the local profile uploads the sample to moto and loads it into PostgreSQL.
[NonParallelizable]
public class StageCopyTargetTests
{
    static JsonNode Summary(BuildScript build) => JsonNode.Parse(File.ReadAllText(Path.Combine(build.ArtifactsDir, "run-summary.json")))!;

    [Test]
    public void StageCopy_with_the_sample_loads_8056_events_and_71_songs_and_a_rerun_changes_nothing()
    {
        using var build = new BuildScript();

        var first = build.Run("StageCopy", $"--sample={Repo.RequireSampleData()}");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output);
        Assert.That(first.Output, Does.Contain("102 objects uploaded, 0 already there").And.Contain("Executing COPY into staging_events"));
        var tables = Summary(build)["tables"]!;
        Assert.That((tables["staging_events"]!.GetValue<long>(), tables["staging_songs"]!.GetValue<long>()), Is.EqualTo((8056L, 71L)));
        Assert.That(Summary(build)["loads"]!.AsArray().Select(l => l!["rejected"]!.GetValue<int>()), Is.EqualTo(new[] { 0, 0 }));

        var second = build.Run("StageCopy", $"--sample={Repo.RequireSampleData()}");

        Assert.That(second.ExitCode, Is.EqualTo(0), second.Output);
        Assert.That(second.Output, Does.Contain("0 objects uploaded, 102 already there"));
        tables = Summary(build)["tables"]!;
        Assert.That((tables["staging_events"]!.GetValue<long>(), tables["staging_songs"]!.GetValue<long>()), Is.EqualTo((8056L, 71L)));
    }

    [Test]
    public void StageCopy_of_a_bad_sample_fails_naming_file_and_line_unless_maxerror_allows_it()
    {
        using var sample = new SourceDir();
        var events = sample.Write("log_data/2018/11/2018-11-01-events.json",
            "{\"userId\": \"1\", \"ts\": 1541105830796}\n{\"userId\": \"2\", \"ts\": \n{\"userId\": \"3\", \"ts\": \"late\"}\n{\"userId\": \"4\", \"ts\": 1541105830799}");
        sample.Write("song_data/A/A/A/TRAAAAW128F429D538.json", """{"num_songs": 1, "song_id": "S1", "title": "t", "duration": 1.5, "year": 0}""");
        File.Copy(Path.Combine(Repo.Root, "jsonpaths", "log_json_path.json"), sample.Path("log_json_path.json"));
        using var build = new BuildScript();

        var strict = build.Run("StageCopy", $"--sample={sample.Root}");

        Assert.That(strict.ExitCode, Is.Not.EqualTo(0));
        Assert.That(strict.Output, Does.Contain("more than MAXERROR 0").And.Contain("2018-11-01-events.json line 2"));
        Assert.That(Summary(build)["tables"]!["staging_events"]!.GetValue<long>(), Is.EqualTo(0));

        var lenient = build.Run("StageCopy", $"--sample={sample.Root}", "--LOAD:max_error=10");

        Assert.That(lenient.ExitCode, Is.EqualTo(0), lenient.Output);
        var summary = Summary(build);
        Assert.That(summary["tables"]!["staging_events"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(summary["load_errors"]!.AsArray().Select(e => (e!["file"]!.GetValue<string>().EndsWith("2018-11-01-events.json"), e["line"]!.GetValue<long>())),
            Is.EqualTo(new[] { (true, 2L), (true, 3L) }));
        Assert.That(events, Does.EndWith("2018-11-01-events.json"));
    }

    [Test]
    [Description("issue 11 item 2: the upload compared sizes only, so a same-size edit left the old value in staging and users")]
    public void A_same_size_edit_of_the_sample_reaches_staging_and_users_on_the_next_run()
    {
        using var sample = TinySample.Create(TinySample.TwoEvents());
        const string day = TinySample.Day;
        const string query = "--sql=select (select string_agg(level, '+' order by ts) from staging_events) as staged, (select level from users where user_id = '7') as latest";
        using var build = new BuildScript();
        var first = build.Run("Transform", $"--sample={sample.Root}");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output);
        Assert.That(build.Run("Query", query).Output, Does.Contain("free+free").And.Not.Contain("paid"));

        var size = new FileInfo(sample.Path(day)).Length;
        sample.Write(day, TinySample.TwoEvents("paid"));
        var second = build.Run("Transform", $"--sample={sample.Root}");

        Assert.That(new FileInfo(sample.Path(day)).Length, Is.EqualTo(size), "the edit keeps the file's size");
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Output);
        Assert.That(second.Output, Does.Contain("1 objects uploaded, 2 already there"));
        var after = build.Run("Query", query).Output;
        Assert.That(after, Does.Contain("free+paid"));
        Assert.That(after, Does.Match(@"free\+paid\s*\|?\s*paid"), "users has the edited latest level");
    }
}
