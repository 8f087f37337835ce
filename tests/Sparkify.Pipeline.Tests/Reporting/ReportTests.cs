using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// The report rendered from the hand-made star schema: every section and chart present, values escaped, self-contained.
public class ReportTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    readonly TempDir _dir = new("report");
    WarehouseEndpoint _db = null!;
    ReportContent _content = null!;
    ReportFiles _files = null!;
    string _html = "";

    [OneTimeSetUp]
    public async Task Render()
    {
        _db = await StarSchema.NewAsync();
        (_content, _files) = await Report.RunAsync(_db, Sql, _dir.Path, "local", CancellationToken.None);
        _html = await File.ReadAllTextAsync(_files.Html);
    }

    [OneTimeTearDown]
    public void Clean() => _dir.Dispose();

    [Test]
    public void Html_has_every_section_with_its_title_question_and_source()
    {
        foreach (var query in AnalyticsQuery.LoadAll(Sql))
        {
            var section = SectionHtml(ReportSections.For(query).Anchor);
            Assert.That(section, Does.Contain($"<h2>{ReportSections.For(query).Title}</h2>"), query.Name);
            Assert.That(section, Does.Contain(System.Net.WebUtility.HtmlEncode(query.Question)), query.Name);
            Assert.That(section, Does.Contain($"sql/analytics/{query.FileName}"), query.Name);
        }
    }

    [Test]
    public void Every_chart_is_an_inline_svg_image_of_the_displayed_width()
    {
        var charted = ReportSections.All.Where(s => s.Chart is not null).ToList();
        Assert.That(charted, Has.Count.EqualTo(10));
        foreach (var s in charted)
        {
            var match = Regex.Match(SectionHtml(s.Anchor), $"<img alt=\"Chart: {s.Title}\" width=\"900\" src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\">");
            Assert.That(match.Success, Is.True, $"no inline chart in section {s.Anchor}");
            var svg = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value)));
            Assert.That(svg.Root!.Name.LocalName, Is.EqualTo("svg"), s.Anchor);
            Assert.That(svg.Root.Attribute("width")?.Value, Is.EqualTo("900"), s.Anchor);
        }
    }

    [Test]
    public void Values_from_the_warehouse_are_html_escaped()
    {
        Assert.That(_html, Does.Contain("<td>Third &lt;Song&gt;</td><td>Beta &amp; &lt;Co&gt;</td>"));
        Assert.That(_html, Does.Not.Contain("<Song>").And.Not.Contain("<Co>"));
    }

    [Test]
    public void Html_is_self_contained_and_has_print_styles()
    {
        Assert.That(_html, Does.Not.Contain("<script").And.Not.Contain("<link").And.Not.Contain("src=\"http").And.Not.Contain("url("));
        Assert.That(_html, Does.Contain("@media print"));
        Assert.That(Regex.Matches(_html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), Is.All.StartsWith("#"));
    }

    [Test]
    public async Task Weekday_table_agrees_with_a_direct_query_of_songplays()
    {
        await using var connection = await _db.OpenAsync(CancellationToken.None);
        await using var direct = new NpgsqlCommand(
            "select cast(extract(dow from start_time) as int), count(*) from songplays group by 1 order by 1", connection);
        var expected = new List<string>();
        await using (var reader = await direct.ExecuteReaderAsync())
            while (await reader.ReadAsync()) expected.Add($"{reader.GetInt32(0)}:{reader.GetInt64(1)}");
        // Friday (5) has no plays: the report lists it as 0 where the direct query has no row.
        expected.Insert(5, "5:0");

        var weekday = _content.Find("plays_by_weekday")!.Result;
        var shown = Enumerable.Range(0, weekday.Rows.Count).Select(r => $"{weekday.Text(r, "weekday")}:{weekday.Text(r, "plays")}");

        Assert.That(shown, Is.EqualTo(expected));
        Assert.That(SectionHtml("plays-by-weekday"), Does.Contain("<td class=\"num\">6</td><td>Saturday</td><td class=\"num\">6</td>"));
    }

    [Test]
    public void Markdown_has_every_section_escaped_tables_and_linked_charts()
    {
        var md = File.ReadAllText(_files.Markdown);
        foreach (var s in ReportSections.All) Assert.That(md, Does.Contain($"## {s.Title}\n"), s.Title);
        Assert.That(md, Does.Contain("| Third &lt;Song&gt; | Beta &amp; &lt;Co&gt; | 4 | 2 |"));
        Assert.That(md, Does.Contain("| 0 | Sunday | 3 | 1 |"));
        Assert.That(md, Does.Contain("![Chart: Plays by weekday](charts/plays_by_weekday.svg)"));
        Assert.That(File.Exists(Path.Combine(_dir.Path, "charts", "plays_by_weekday.svg")), Is.True);
    }

    [Test]
    public void Digest_gives_the_key_figures()
    {
        Assert.That(ReportDigest.Lines(_content), Is.EqualTo(new[]
        {
            "16 plays by 4 listeners in 7 sessions, 2018-11-04 to 2018-11-10; 9 of them matched to a song (56.3%)",
            "Busiest weekday Saturday (6 plays); busiest hour 22:00 UTC (6 plays)",
            "Top song: First Song by Alpha Band (4 plays)",
            "Paid: 56.3% of plays, 50.0% of users; upgrades from free to paid: 1",
        }));
    }

    [Test]
    public async Task An_empty_warehouse_gives_a_report_without_charts_and_a_digest_that_says_so()
    {
        var empty = await PostgresFixture.NewDatabaseAsync("empty");
        await CreateTables.RunAsync(empty, Sql, recreate: false, CancellationToken.None);
        using var dir = new TempDir("empty-report");

        var (content, files) = await Report.RunAsync(empty, Sql, dir.Path, "local", CancellationToken.None);

        var html = await File.ReadAllTextAsync(files.Html);
        Assert.That(html, Does.Not.Contain("<img"));
        var analytics = html[..html.IndexOf("<section id=\"checks\"", StringComparison.Ordinal)];
        // Every section but the overview's figures and the hours and weekdays, which list their zero rows.
        Assert.That(Regex.Matches(analytics, "No rows.").Count, Is.EqualTo(ReportSections.All.Count - 3));
        Assert.That(ReportDigest.Lines(content), Is.EqualTo(new[] { "The warehouse holds no plays yet: run ./build.sh Etl to load it" }));
    }

    [Test]
    public void A_long_table_shows_its_first_rows_and_says_how_to_get_all()
    {
        var upgrades = ReportSections.All.Single(s => s.Query == "upgrades");
        var rows = Enumerable.Range(1, 1200).Select(i => new object?[] { i.ToString(), "<b>" }).ToList();
        var section = new SectionResult(upgrades, new AnalyticsQuery("upgrades", "60_upgrades.sql", "Who?", ""),
            "sql/analytics/60_upgrades.sql", new QueryResult(["user_id", "first_name"], [false, false], rows), null);
        var content = new ReportContent("postgres u@h:1/d", "local", DateTimeOffset.UnixEpoch, [section]);

        var html = HtmlReport.Render(content);
        var md = MarkdownReport.Render(content, _ => "");

        const string note = "The first 50 of 1,200 rows; all of them: ./build.sh Query --file=sql/analytics/60_upgrades.sql --max-rows=1200";
        Assert.That(Regex.Matches(html, "<td>&lt;b&gt;</td>").Count, Is.EqualTo(50));
        Assert.That(html, Does.Contain($"<p class=\"more\">{note}</p>"));
        Assert.That(Regex.Matches(md, @"\| &lt;b&gt; \|").Count, Is.EqualTo(50));
        Assert.That(md, Does.Contain(note.Replace("_", "\\_")));
    }

    string SectionHtml(string anchor)
    {
        var start = _html.IndexOf($"<section id=\"{anchor}\">", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no section {anchor}");
        return _html[start.._html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
