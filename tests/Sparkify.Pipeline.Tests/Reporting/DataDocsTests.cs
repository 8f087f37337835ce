using Sparkify.Pipeline.Runs;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Lineage;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// The data docs of the report against the hand-made star schema, a made-up run summary and two runs in etl_runs.
[Description("Issue 16: data docs in the same offline file")]
public class DataDocsTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    readonly TempDir _dir = new("docs");
    string _html = "";

    /// A run summary as StageCopy and Verify leave it: one failed check with its rows, two loads, twelve load errors.
    public static LastRunSummary Record()
    {
        var summary = new JsonObject
        {
            ["quality"] = new JsonArray(
                new JsonObject { ["check"] = "users_user_id_unique_not_null", ["status"] = "passed", ["violations"] = 0, ["rows"] = new JsonArray() },
                new JsonObject { ["check"] = "songplays_user_in_users", ["status"] = "failed", ["violations"] = 2,
                    ["rows"] = new JsonArray("user_id=9 <x>", "user_id=10"),
                    ["columns"] = new JsonArray("songplay_id", "user_id"),
                    ["first_rows"] = new JsonArray(new JsonArray("17", "9 <x>"), new JsonArray("18", null)),
                    ["csv"] = "/somewhere/artifacts/failed/songplays_user_in_users.csv" },
                new JsonObject { ["check"] = "songplays_song_match_rate", ["status"] = "info", ["violations"] = null,
                    ["rows"] = new JsonArray("plays=16, matched=9") }),
            ["loads"] = new JsonArray(
                new JsonObject { ["table"] = "staging_events", ["rows"] = 15, ["objects_listed"] = 3,
                    ["objects"] = new JsonObject { ["added"] = 1, ["changed"] = 1, ["removed"] = 2, ["unchanged"] = 1, ["rejected"] = 1 },
                    ["bytes"] = 4096, ["rejected"] = 12, ["seconds"] = 0.25 },
                new JsonObject { ["table"] = "staging_songs", ["rows"] = 4, ["objects_listed"] = 4, ["bytes"] = 800, ["rejected"] = 0, ["seconds"] = 0.1 }),
            ["load_errors"] = new JsonArray(Enumerable.Range(1, 12).Select(i => (JsonNode)new JsonObject
            {
                ["table"] = "staging_events", ["file"] = "s3://sparkify-local/log_data/2018/11/2018-11-04-events.json", ["line"] = i,
                ["column"] = "ts", ["value"] = $"bad{i}", ["code"] = 1206, ["reason"] = "Invalid timestamp format",
            }).ToArray()),
        };
        var s3 = new S3Settings(new S3Location("udacity-dend", "log_data"), new S3Location("udacity-dend", "log_json_path.json"),
            new S3Location("udacity-dend", "song_data"), "us-west-2");
        return new LastRunSummary(summary, "this run", DatasetNames.Local(s3, "sparkify-local", 5439, "sparkify"));
    }

    /// Three Transform and four Verify rows of etl_runs: one running, one of the flat counts older runs wrote, and two
    /// with checks and tables, the middle one failed.
    public static async Task SeedRunsAsync(WarehouseEndpoint db)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await StarSchema.ExecuteAsync(connection, """
                insert into etl_runs (run_id, target, window_from, window_to, started_at, finished_at, status, counts, detail) values
                    ('20181101T000000Z-aaaaaaaa', 'Transform', null, null, '2018-11-11 10:00:00', '2018-11-11 10:00:02.5', 'succeeded',
                     '{"songplays":{"inserted":16,"updated":0}}', 'ok'),
                    ('20181102T000000Z-bbbbbbbb', 'Transform', '2018-11-04', '2018-11-05', '2018-11-12 10:00:00', '2018-11-12 10:00:01', 'failed',
                     null, 'boom'),
                    ('20181102T000000Z-bbbbbbbb', 'Verify', null, null, '2018-11-12 10:01:00', null, 'running', null, null),
                    ('20181101T000000Z-aaaaaaaa', 'Verify', null, null, '2018-11-11 10:01:00', '2018-11-11 10:01:01', 'succeeded',
                     '{"songplays_user_in_users":0,"users_user_id_unique_not_null":0}', '2 passed, 0 failed'),
                    ('20181103T000000Z-cccccccc', 'Verify', null, null, '2018-11-13 10:01:00', '2018-11-13 10:01:01', 'failed',
                     '{"checks":{"songplays_user_in_users":2,"users_user_id_unique_not_null":0},"tables":{"songplays":16,"users":4}}', '1 passed, 1 failed'),
                    ('20181104T000000Z-dddddddd', 'Verify', null, null, '2018-11-14 10:01:00', '2018-11-14 10:01:01', 'succeeded',
                     '{"checks":{"songplays_user_in_users":0,"users_user_id_unique_not_null":0},"tables":{"songplays":20,"users":5}}', '2 passed, 0 failed');
                """);
    }

    [OneTimeSetUp]
    public async Task Render()
    {
        var db = await StarSchema.NewAsync();
        await SeedRunsAsync(db);
        var (_, files) = await Report.RunAsync(db, Sql, _dir.Path, "local", CancellationToken.None, Record());
        _html = await File.ReadAllTextAsync(files.Html);
    }

    [OneTimeTearDown]
    public void Clean() => _dir.Dispose();

    [Test]
    public void Checks_list_each_check_with_its_file_status_and_first_offending_rows()
    {
        Assert.That(Rows("checks").Take(3), Is.EqualTo(new[]
        {
            new[] { "users_user_id_unique_not_null", "sql/quality/users_user_id_unique_not_null.sql", "passed", "0", "" },
            new[] { "songplays_user_in_users", "sql/quality/songplays_user_in_users.sql", "failed", "2", "user_id=9 <x>; user_id=10" },
            new[] { "songplays_song_match_rate", "sql/quality/songplays_song_match_rate.sql", "info", "—", "plays=16, matched=9" },
        }));
        Assert.That(Section("checks"), Does.Contain("user_id=9 &lt;x&gt;"), "values are escaped");
    }

    [Test]
    [Description("Issue 28: each check with its status, SQL, threshold and first offending rows with their keys")]
    public void Each_check_shows_its_threshold_its_query_and_its_first_offending_rows_under_their_columns()
    {
        var section = Section("checks");
        var failed = section[section.IndexOf("<h3 id=\"check-songplays_user_in_users\">", StringComparison.Ordinal)..];
        failed = failed[..failed.IndexOf("<h3", 4, StringComparison.Ordinal)];

        Assert.That(failed, Does.Contain("<span class=\"status-failed\">failed</span>"));
        Assert.That(failed, Does.Contain("Threshold: 0 rows; any offending row fails Verify."));
        Assert.That(failed, Does.Contain("<details open><summary>sql/quality/songplays_user_in_users.sql</summary>"));
        Assert.That(failed, Does.Contain(WebUtility.HtmlEncode(Sql.Read("quality/songplays_user_in_users.sql").Trim())));
        Assert.That(failed, Does.Contain("<th>songplay id</th><th>user id</th>"));
        Assert.That(HtmlRows.Of(failed), Is.EqualTo(new[] { new[] { "17", "9 <x>" }, new[] { "18", "NULL" } }));
        Assert.That(failed, Does.Contain("<a href=\"../failed/songplays_user_in_users.csv\">"));
        Assert.That(section, Does.Contain("Counted first by sql/quality/screens/").Or.Not.Contain("songplays_staged_event_has_fact"));
        Assert.That(section, Does.Contain("Informational (-- severity: info)"));
    }

    [Test]
    [Description("Issue 28: trends over the last runs, from the warehouse's own run records, as inline SVG")]
    public void Trends_draw_each_checks_violations_and_each_tables_rows_over_the_recorded_verify_runs()
    {
        var section = Section("trends");
        var rows = Rows("trends").ToDictionary(r => r[0], r => r);

        Assert.That(section, Does.Contain("3 Verify runs, from 2018-11-11 10:01:00 to 2018-11-14 10:01:00"), "the running one has no figures");
        Assert.That((rows["songplays_user_in_users"][2], rows["songplays_user_in_users"][3], rows["songplays_user_in_users"][4]),
            Is.EqualTo(("0", "0 – 2", "3")));
        Assert.That((rows["songplays"][2], rows["songplays"][3], rows["songplays"][4]), Is.EqualTo(("20", "16 – 20", "2")),
            "row counts exist from the runs that recorded them");
        Assert.That(Regex.Matches(section, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\"").Count, Is.EqualTo(4));
        Assert.That(Regex.Matches(section, "<circle [^>]*fill=\"#c53030\"").Count, Is.EqualTo(1), "one failed point");
        Assert.That(section, Does.Contain("<title>20181103T000000Z-cccccccc: 2</title>"));
        Assert.That(section, Does.Contain("Source: sql/docs/verify_history.sql"));
    }

    [Test]
    [Description("Issue 28: the schema's keys as the read-only role sees them")]
    public async Task Schema_read_by_a_role_that_only_selects_shows_the_keys_of_the_five_star_tables()
    {
        var db = await StarSchema.NewAsync();
        var reader = $"reader_{Guid.NewGuid():N}"[..20];
        var password = Sparkify.Pipeline.State.Passwords.New();
        await using (var connection = await db.OpenAsync(CancellationToken.None))
            await StarSchema.ExecuteAsync(connection, $"""
                create role {reader} login password '{password}';
                grant usage on schema public to {reader};
                grant select on all tables in schema public to {reader};
                """);
        var asReader = new WarehouseEndpoint(Dialect.Postgres, db.Host, db.Port, db.Database, reader, password);

        var (content, _) = await Report.RunAsync(asReader, Sql, _dir.File("reader"), "local", CancellationToken.None, Record());

        var keys = content.Docs!.Tables.SelectMany(t => t.Columns.Where(c => c.Keys.Length > 0).Select(c => $"{t.Name}.{c.Name} {c.Keys}"));
        Assert.That(keys, Is.SupersetOf(new[]
        {
            "songplays.songplay_id PK", "songplays.session_id unique", "songplays.item_in_session unique", "songplays.user_id unique",
            "users.user_id PK", "songs.song_id PK", "artists.artist_id PK", "time.start_time PK",
        }));
    }

    [Test]
    public void Loads_show_rows_objects_and_rejected_per_table_and_the_first_ten_load_errors()
    {
        var rows = Rows("loads");

        Assert.That(rows.Take(2), Is.EqualTo(new[]
        {
            new[] { "staging_events", "15", "3", "1", "1", "2", "1", "4,096", "12", "0.25" },
            new[] { "staging_songs", "4", "4", "—", "—", "—", "—", "800", "0", "0.1" },
        }));
        Assert.That(Section("loads"), Does.Contain("<h3>Load errors (12)</h3>"));
        Assert.That(rows.Skip(2).Select(r => r[4]), Is.EqualTo(Enumerable.Range(1, 10).Select(i => $"bad{i}")));
        Assert.That(rows[2], Is.EqualTo(new[] { "staging_events", "s3://sparkify-local/log_data/2018/11/2018-11-04-events.json", "1", "ts", "bad1", "1206", "Invalid timestamp format" }));
    }

    [Test]
    public void Runs_show_etl_runs_newest_first_with_window_status_duration_and_counts()
    {
        Assert.That(Rows("runs").Where(r => r[1] == "Transform" || r[5] == "running"), Is.EqualTo(new[]
        {
            new[] { "20181102T000000Z-bbbbbbbb", "Verify", "—", "—", "2018-11-12 10:01:00", "running", "—", "—" },
            new[] { "20181102T000000Z-bbbbbbbb", "Transform", "2018-11-04", "2018-11-05", "2018-11-12 10:00:00", "failed", "1.000", "—" },
            new[] { "20181101T000000Z-aaaaaaaa", "Transform", "—", "—", "2018-11-11 10:00:00", "succeeded", "2.500", "songplays.inserted=16, songplays.updated=0" },
        }));
        Assert.That(Section("runs"), Does.Contain("Source: sql/docs/last_runs.sql"));
    }

    [Test]
    public void Lineage_draws_sources_staging_and_star_tables_with_object_and_row_counts()
    {
        var section = Section("lineage");

        Assert.That(section, Does.Contain("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        foreach (var node in new[] { DataFlow.LogData, DataFlow.SongData }.Concat(DataFlow.Staging).Concat(DataFlow.Star))
            Assert.That(section, Does.Contain($"<g data-node=\"{node}\">"), node);
        Assert.That(Regex.Matches(section, "<path d=\"M[^\"]+ C").Count, Is.EqualTo(DataFlow.Edges.Count));
        var counts = Rows("lineage").ToDictionary(r => r[0], r => (Dataset: r[1], Count: r[2]));
        Assert.That(counts["log_data"], Is.EqualTo(("s3://sparkify-local/log_data", "3 objects")));
        Assert.That(counts["song_data"].Count, Is.EqualTo("4 objects"));
        // Row counts are the warehouse's now: 16 plays, 4 users, 4 songs, 3 artists, 16 time rows, 15 staged events.
        Assert.That(counts["songplays"], Is.EqualTo(("postgres://127.0.0.1:5439/sparkify.public.songplays", "16 rows")));
        Assert.That(counts["users"].Count, Is.EqualTo("4 rows"));
        Assert.That(counts["artists"].Count, Is.EqualTo("3 rows"));
        Assert.That(counts["staging_events"].Count, Is.EqualTo("30 rows"), "15 NextSong events and 15 Home page views");
    }

    [Test]
    public void Schema_documents_every_table_with_its_grain_columns_types_and_keys()
    {
        var section = Section("schema");
        foreach (var table in Tables.CreatedFor(Dialect.Postgres))
        {
            Assert.That(section, Does.Contain($"<h3 id=\"table-{table}\">{table}</h3>"), table);
            var header = File.ReadLines(Path.Combine(Sql.Root, "postgres", $"create_{table}.sql")).First()[2..].Trim();
            Assert.That(section, Does.Contain(WebUtility.HtmlEncode(header)), table);
        }
        Assert.That(section, Does.Contain("<td>songplay_id</td><td>bigint</td><td>no</td><td>PK</td>"));
        // No foreign keys since the referential-integrity decision (docs/schema.md): the natural key is what shows.
        Assert.That(section, Does.Contain("<td>user_id</td><td>character varying(32)</td><td>no</td><td>unique</td>"));
        Assert.That(section, Does.Contain("<td>user_id</td><td>character varying(32)</td><td>no</td><td>PK</td>"), "users' key");
        Assert.That(section, Does.Contain("<td>session_id</td><td>integer</td><td>no</td><td>unique</td>"));
    }

    [Test]
    public void Contents_link_the_data_docs_sections()
    {
        foreach (var (anchor, title) in DataDocsHtml.Sections)
            Assert.That(_html, Does.Contain($"<li><a href=\"#{anchor}\">{title}</a></li>"));
    }

    string Section(string anchor)
    {
        var start = _html.IndexOf($"<section id=\"{anchor}\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"no section {anchor}");
        return _html[start.._html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    List<string[]> Rows(string anchor) => HtmlRows.Of(Section(anchor));
}

/// The body rows of the HTML tables in a piece of the report, cells decoded.
public static class HtmlRows
{
    public static List<string[]> Of(string html) =>
        Regex.Matches(html, "<tbody>(.*?)</tbody>", RegexOptions.Singleline)
            .SelectMany(body => Regex.Matches(body.Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline))
            .Select(row => Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
                .Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray())
            .ToList();
}
