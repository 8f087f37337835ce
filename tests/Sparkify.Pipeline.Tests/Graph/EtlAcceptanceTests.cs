using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Graph;

/// <summary>
/// The pipeline as a user runs it, on the real Sparkify sample: ./build.sh Etl (local), a re-run, a one-day window
/// and a Query, each a separate process. The expected counts are PROVENANCE.md's published figures.
/// </summary>
[NonParallelizable]
[Description("Issues 2, 4, 5, 6: the acceptance runs of their 'Done when'")]
public class EtlAcceptanceTests
{
    static readonly Dictionary<string, long> Expected = new()
    {
        ["staging_events"] = 8056, ["staging_songs"] = 71, ["songplays"] = 6820,
        ["users"] = 97, ["songs"] = 71, ["artists"] = 69, ["time"] = 6813,
    };

    BuildScript _build = null!;
    string _sample = null!;

    [OneTimeSetUp]
    public void RunEtlOnTheSample()
    {
        _sample = Repo.RequireSampleData();
        _build = new BuildScript();
    }

    [OneTimeTearDown]
    public void TearDown() => _build.Dispose();

    [Test, Order(1)]
    public void Etl_on_the_sample_gives_the_published_counts_and_verify_passes()
    {
        var result = _build.Run("Etl", $"--sample={_sample}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(Counts(), Is.EquivalentTo(Expected));
        Assert.That(Summary()["status"]!.GetValue<string>(), Is.EqualTo("succeeded"));
        Assert.That(Summary()["load_errors"]!.AsArray(), Is.Empty);
        Assert.That(Summary()["quality"]!.AsArray().Where(c => c!["status"]!.GetValue<string>() == "failed"), Is.Empty);
        Assert.That(result.Output, Does.Contain("Warehouse tables:").And.Contains("Quality checks:"));
        Assert.That(File.Exists(Path.Combine(_build.ArtifactsDir, "report", "index.html")), Is.True, "Etl wrote no report");
    }

    [Test, Order(2)]
    public void Query_counts_the_songplays_and_exactly_one_is_matched_to_a_song()
    {
        var result = _build.Run("Query", "--sql=select count(*) as plays, count(song_id) as matched from songplays");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Match(@"\b6820 \|\s+1\b"));
    }

    [Test, Order(3)]
    public void Etl_again_changes_no_count()
    {
        var result = _build.Run("Etl", $"--sample={_sample}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(Counts(), Is.EquivalentTo(Expected));
    }

    [Test, Order(4)]
    public void One_day_window_after_a_full_run_changes_no_count()
    {
        var result = _build.Run("Transform", "--exclusive", "--from=2018-11-05", "--to=2018-11-05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(Counts(), Is.EquivalentTo(Expected));
    }

    JsonNode Summary() => JsonNode.Parse(File.ReadAllText(Path.Combine(_build.ArtifactsDir, "run-summary.json")))!;

    Dictionary<string, long> Counts() =>
        Summary()["tables"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<long>());
}
