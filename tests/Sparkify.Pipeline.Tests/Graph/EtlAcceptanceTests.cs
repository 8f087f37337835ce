using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sparkify.Pipeline.Warehouse;

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

    [Test, Order(3)]
    public void Query_counts_the_songplays_and_exactly_one_is_matched_to_a_song()
    {
        var result = _build.Run("Query", "--sql=select count(*) as plays, count(song_id) as matched from songplays");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Match(@"\b6820 \|\s+1\b"));
    }

    [Test, Order(2)]
    public async Task Report_weekday_table_agrees_with_a_direct_query_and_has_its_chart()
    {
        var markdown = File.ReadAllText(Path.Combine(_build.ArtifactsDir, "report", "report.md"));
        var section = markdown[markdown.IndexOf("## Plays by weekday", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("Source:", StringComparison.Ordinal)];
        var reported = Regex.Matches(section, @"^\| (\d) \| \w+ \| ([\d,]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => long.Parse(m.Groups[2].Value.Replace(",", "")));

        var direct = new Dictionary<int, long>();
        await using (var connection = await LocalWarehouse().OpenAsync(CancellationToken.None))
        await using (var command = new Npgsql.NpgsqlCommand(
            "select extract(dow from start_time)::int, count(*) from songplays group by 1", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) direct[reader.GetInt32(0)] = reader.GetInt64(1);

        Assert.That(reported, Is.EquivalentTo(direct));
        Assert.That(reported.Values.Sum(), Is.EqualTo(6820));
        var html = File.ReadAllText(Path.Combine(_build.ArtifactsDir, "report", "index.html"));
        Assert.That(html, Does.Contain("<img alt=\"Chart: Plays by weekday\"").And.Contains("data:image/svg+xml;base64,"));
    }

    [Test, Order(4)]
    public void Etl_again_changes_no_count()
    {
        var result = _build.Run("Etl", $"--sample={_sample}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(Counts(), Is.EquivalentTo(Expected));
    }

    [Test, Order(5)]
    public void One_day_window_after_a_full_run_changes_no_count()
    {
        var result = _build.Run("Transform", "--exclusive", "--from=2018-11-05", "--to=2018-11-05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(Counts(), Is.EquivalentTo(Expected));
    }

    WarehouseEndpoint LocalWarehouse()
    {
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(_build.StateDir, "state-local.json")))!;
        return new WarehouseEndpoint(Dialect.Postgres, "127.0.0.1", _build.PgPort,
            "sparkify", "sparkify_admin", state["local_owner_password"]!.GetValue<string>());
    }

    JsonNode Summary() => JsonNode.Parse(File.ReadAllText(Path.Combine(_build.ArtifactsDir, "run-summary.json")))!;

    Dictionary<string, long> Counts() =>
        Summary()["tables"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<long>());
}
