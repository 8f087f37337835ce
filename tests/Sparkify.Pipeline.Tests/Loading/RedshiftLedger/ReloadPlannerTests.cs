using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading.RedshiftLedger;

namespace Sparkify.Pipeline.Tests.Loading.RedshiftLedger;

/// The decisions of the Redshift ledger load before any SQL: which COPYs, and what happens to each object.
public class ReloadPlannerTests
{
    static readonly S3Location Songs = new("b", "song_data");

    static ListedFile File(string key, string etag = "\"e\"") => new(key, 100, etag);

    static LedgerRow Row(string key, long id, string etag = "\"e\"", string source = "s3://b/song_data") => new(key, source, etag, 100, "loaded", id, id);

    [Test]
    [Description("The real song_data has 14,896 objects in song_data/X/Y/Z/: the first load reads folders of at most GroupMax objects")]
    public void A_first_load_of_the_real_song_layout_takes_a_few_folder_copies_of_at_most_a_thousand_objects()
    {
        var keys = Enumerable.Range(0, 14_896).Select(i => $"song_data/{(char)('A' + i % 2)}/{(char)('A' + i / 2 % 26)}/{(char)('A' + i / 52 % 26)}/TR{i:D6}.json");

        var plan = ReloadPlanner.Make("staging_songs", Songs, keys.Select(k => File(k)).ToList(), [], null, 0);

        Assert.That(plan.Units.All(u => u.IsFolder && u.Keys.Count <= ReloadPlanner.GroupMax), Is.True);
        Assert.That(plan.Units.SelectMany(u => u.Keys).Distinct().Count(), Is.EqualTo(14_896), "every object in exactly one COPY");
        Assert.That(plan.Units.Sum(u => u.Keys.Count), Is.EqualTo(14_896));
        Assert.That(plan.Units, Has.Count.EqualTo(52), "song_data/A/A/ … song_data/B/Z/: 52 folders of about 286 objects");
        Assert.That((plan.Count("added"), plan.FirstLoad), Is.EqualTo((14_896, true)));
    }

    [Test]
    public void An_unchanged_source_plans_nothing_and_reads_nothing()
    {
        var plan = ReloadPlanner.Make("staging_songs", Songs, [File("song_data/A/x.json"), File("song_data/A/y.json")],
            [Row("song_data/A/x.json", 1), Row("song_data/A/y.json", 1)], null, 1);

        Assert.That((plan.IsEmpty, plan.Units.Count, plan.Unchanged), Is.EqualTo((true, 0, 2)));
    }

    [Test]
    public void The_same_content_from_another_source_or_after_a_failure_is_loaded_again()
    {
        var plan = ReloadPlanner.Make("staging_songs", Songs, [File("song_data/A/x.json"), File("song_data/A/y.json")],
            [Row("song_data/A/x.json", 1, source: "s3://other/song_data"), Row("song_data/A/y.json", 2) with { Status = "failed" }], null, 2);

        Assert.That(plan.Objects.Select(o => $"{o.Key} {o.Change} #{o.NewId}"), Is.EqualTo(new[] { "song_data/A/x.json changed #3", "song_data/A/y.json changed #3" }));
    }

    [Test]
    public void Two_objects_with_identical_content_are_two_objects()
    {
        var plan = ReloadPlanner.Make("staging_songs", Songs, [File("song_data/A/x.json", "\"same\""), File("song_data/B/x.json", "\"same\"")],
            [Row("song_data/A/x.json", 1, "\"same\"")], null, 1);

        Assert.That(plan.Objects.Select(o => $"{o.Key} {o.Change}"), Is.EqualTo(new[] { "song_data/B/x.json added" }));
        Assert.That(plan.Units.Single().Prefix, Is.EqualTo("song_data/B/x.json"));
    }

    [Test]
    [Description("COPY FROM is a prefix: a key that is the prefix of another with no folder inside the source cannot be read alone")]
    public void A_prefix_key_without_a_folder_inside_the_source_is_refused_naming_it()
    {
        var from = new S3Location("b", "songs");

        Assert.That(() => ReloadPlanner.Make("staging_songs", from, [File("songs"), File("songs.v2")], [Row("songs.v2", 1, source: "s3://b/songs")], null, 1),
            Throws.InstanceOf<PipelineException>().With.Message.Contains("s3 key songs is the prefix of another key under the source").And.Message.Contains("rename it"));
    }

    [Test]
    public void A_window_run_plans_its_days_only_and_refuses_to_reload_a_changed_object_outside_them()
    {
        var from = new S3Location("b", "log_data");
        var day1 = "log_data/2018/11/2018-11-01-events.json";
        var day2 = "log_data/2018/11/2018-11-02-events.json";
        var ledger = new[] { Row(day1, 1, source: "s3://b/log_data"), Row(day2, 2, source: "s3://b/log_data") };
        var window = DateWindow.Parse("2018-11-02", "2018-11-02");

        var plan = ReloadPlanner.Make("staging_events", from, [File(day1, "\"new\""), File(day2, "\"new\"")], ledger, window, 2);
        var removal = ReloadPlanner.Make("staging_events", from, [File(day2)], ledger, window, 2);

        Assert.That(plan.Objects.Select(o => $"{o.Key} {o.Change}"), Is.EqualTo(new[] { $"{day2} changed" }), "day 1 changed too, but is outside the window");
        Assert.That(removal.IsEmpty, Is.True, "day 1 left the source, but outside the window");
        var grouped = new[] { Row(day1, 1, source: "s3://b/log_data"), Row(day2, 1, source: "s3://b/log_data") };
        Assert.That(() => ReloadPlanner.Make("staging_events", from, [File(day1, "\"new\""), File(day2, "\"new\"")], grouped, window, 1),
            Throws.InstanceOf<PipelineException>().With.Message.Contains($"would reload b/{day1}, outside 2018-11-02, with changed content"));
    }
}
