using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.Tests.Lineage;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// <summary>
/// The report of ./build.sh Etl on the real Sparkify sample, as a user opens it: rankings that mean something
/// (the sample's song files match 1 of 6,820 plays), and data docs that agree with run-summary.json and etl_runs.
/// </summary>
[Description("Issue 16: the acceptance run of its 'Done when'")]
public class ReportAcceptanceTests : EtlOnTheSample
{
    string _html = "";
    JsonNode _summary = null!;

    [OneTimeSetUp]
    public void ReadTheReportAndTheSummary()
    {
        _html = File.ReadAllText(Path.Combine(Build.ArtifactsDir, "report", "index.html"));
        _summary = JsonNode.Parse(File.ReadAllText(Path.Combine(Build.ArtifactsDir, "run-summary.json")))!;
    }

    [Test]
    public void Top_songs_list_ten_songs_with_their_play_counts_and_the_match_rate_is_shown()
    {
        var section = Section("top-songs");
        var rows = HtmlRows.Of(section);

        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(10));
        var plays = rows.Select(r => long.Parse(r[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.That(plays, Is.All.GreaterThan(1));
        Assert.That(plays, Is.Ordered.Descending);
        Assert.That(rows[0][0], Is.EqualTo("You're The One"), "the most played title of the sample (37 plays)");
        Assert.That(plays[0], Is.EqualTo(37));
        Assert.That(section, Does.Contain("Catalogue match rate: 1 of 6,820 plays (0.01%) matched a song of the catalogue."));
        Assert.That(Section("top-matched-songs"), Does.Contain("it is withheld"), "1 matched play ranks nothing");
    }

    [Test]
    public void Hours_list_all_24_hours_and_add_up_to_every_play()
    {
        var rows = HtmlRows.Of(Section("plays-by-hour"));

        Assert.That(rows.Select(r => r[0]), Is.EqualTo(Enumerable.Range(0, 24).Select(h => h.ToString(CultureInfo.InvariantCulture))));
        Assert.That(rows.Sum(r => long.Parse(r[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)), Is.EqualTo(6820));
    }

    [Test]
    public void Checks_agree_with_the_quality_section_of_run_summary()
    {
        var expected = _summary["quality"]!.AsArray().Select(c => new[]
            { c!["check"]!.GetValue<string>(), $"sql/quality/{c["check"]!.GetValue<string>()}.sql", c["status"]!.GetValue<string>() });

        // The first table lists the checks; each check's own block follows it.
        var section = Section("checks");
        var shown = HtmlRows.Of(section[..section.IndexOf("</table>", StringComparison.Ordinal)]).Select(r => r[..3]);

        Assert.That(shown, Is.EqualTo(expected));
        Assert.That(shown.Count(), Is.GreaterThan(10));
    }

    [Test]
    public void Loads_agree_with_the_loads_and_load_errors_of_run_summary()
    {
        var expected = _summary["loads"]!.AsArray().Select(l => new[]
        {
            l!["table"]!.GetValue<string>(), Readable(l["rows"]), Readable(l["objects_listed"]), Readable(l["bytes"]), Readable(l["rejected"]),
        });

        // table, rows, objects listed, (added, changed, removed, unchanged), bytes, rejected
        var shown = HtmlRows.Of(Section("loads")).Select(r => new[] { r[0], r[1], r[2], r[7], r[8] });

        Assert.That(shown, Is.EqualTo(expected));
        Assert.That(Section("loads"), Does.Contain($"<h3>Load errors ({_summary["load_errors"]!.AsArray().Count})</h3>"));
    }

    [Test]
    public async Task Runs_agree_with_etl_runs()
    {
        var shown = HtmlRows.Of(Section("runs")).Select(r => $"{r[0]} {r[1]} {r[5]}").ToList();
        var stored = new List<(string Row, string Target)>();
        await using (var connection = await LocalWarehouse().OpenAsync(CancellationToken.None))
        await using (var command = new NpgsqlCommand("select run_id, target, status from etl_runs order by started_at desc", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add(($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}", reader.GetString(1)));

        // The report was written while Report (and the targets after it) ran, so their own rows may differ or be missing.
        var finishedBefore = stored.Where(s => s.Target is not ("Report" or "Etl")).Select(s => s.Row).ToList();
        Assert.That(finishedBefore, Is.Not.Empty);
        Assert.That(shown.Where(s => !s.Contains(" Report ") && !s.Contains(" Etl ")), Is.EqualTo(finishedBefore));
    }

    [Test]
    public void Lineage_counts_agree_with_run_summary_and_its_events_validate()
    {
        var counts = HtmlRows.Of(Section("lineage")).ToDictionary(r => r[0], r => r[2]);
        foreach (var (table, rows) in _summary["tables"]!.AsObject())
            Assert.That(counts[table], Is.EqualTo($"{Readable(rows)} rows"), table);
        foreach (var load in _summary["loads"]!.AsArray())
        {
            var source = load!["table"]!.GetValue<string>() == "staging_events" ? "log_data" : "song_data";
            Assert.That(counts[source], Is.EqualTo($"{Readable(load["objects_listed"])} objects"), source);
        }

        var files = Directory.GetFiles(Path.Combine(Build.ArtifactsDir, "lineage"), "*.jsonl");
        Assert.That(files, Has.Length.EqualTo(1));
        var events = File.ReadAllLines(files[0]).Select(l => JsonNode.Parse(l)!).ToList();
        foreach (var e in events) Assert.That(OpenLineageSchema.Errors(e), Is.Empty, e.ToJsonString());
        Assert.That(events.Select(e => $"{e["job"]!["name"]} {e["eventType"]}"), Is.EqualTo(new[]
        {
            "CreateTables START", "CreateTables COMPLETE", "StageCopy START", "StageCopy COMPLETE", "Transform START",
            "Transform COMPLETE", "Verify START", "Verify COMPLETE", "Report START", "Report COMPLETE",
        }));
        var staged = events.Single(e => $"{e["job"]!["name"]} {e["eventType"]}" == "StageCopy COMPLETE")["outputs"]!.AsArray()
            .ToDictionary(d => d!["name"]!.GetValue<string>(), d => d!["outputFacets"]!["outputStatistics"]!["rowCount"]!.GetValue<long>());
        Assert.That(staged, Is.EquivalentTo(new Dictionary<string, long>
        {
            ["sparkify.public.staging_events"] = 8056, ["sparkify.public.staging_songs"] = 71,
        }));
        Assert.That(events[2]["outputs"]![0]!["namespace"]!.GetValue<string>(), Is.EqualTo($"postgres://127.0.0.1:{Build.PgPort}"));
    }

    [Test]
    public void Schema_documents_each_table_with_its_grain()
    {
        foreach (var table in Tables.CreatedFor(Dialect.Postgres))
            Assert.That(Section("schema"), Does.Contain($"<h3 id=\"table-{table}\">{table}</h3>"));
    }

    static string Readable(JsonNode? n) => n!.GetValue<long>().ToString("N0", CultureInfo.InvariantCulture);

    string Section(string anchor)
    {
        var start = _html.IndexOf($"<section id=\"{anchor}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no section {anchor}");
        return _html[start.._html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    WarehouseEndpoint LocalWarehouse()
    {
        var state = JsonNode.Parse(File.ReadAllText(Path.Combine(Build.StateDir, "state-local.json")))!;
        return new WarehouseEndpoint(Dialect.Postgres, "127.0.0.1", Build.PgPort,
            "sparkify", "sparkify_admin", state["local_owner_password"]!.GetValue<string>());
    }
}
