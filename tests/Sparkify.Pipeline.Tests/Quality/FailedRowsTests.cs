using System.Text.Json.Nodes;
using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Tests.Fixtures;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Quality;

/// A failed check's offending rows, keys first: the first 20 kept for the console, summary and report, all in its CSV.
[Description("Issue 28: a failed check shows its rows, not only a count")]
public class FailedRowsTests
{
    TempDir _dir = null!;

    [SetUp]
    public void Folder() => _dir = new TempDir("failed");

    [TearDown]
    public void Clean() => _dir.Dispose();

    static async Task<TestWarehouse> WithGhostPlaysAsync(int ghosts)
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(new StagedEvent("7", Ms("2018-11-05 09:00:00.000"), ItemInSession: 0));
        await warehouse.TransformAsync();
        // Facts whose user is in no row of users, with a comma and a quote in the first one's user_id.
        await warehouse.ExecuteAsync($"""
            insert into songplays (start_time, user_id, level, session_id, item_in_session)
            select timestamp '2018-11-05 09:00:00', case when g = 1 then 'gh,"ost' else 'ghost-' || g end, 'free', 900, g
            from generate_series(1, {ghosts}) as g
            """);
        return warehouse;
    }

    [Test]
    public async Task A_failed_check_keeps_twenty_rows_and_writes_every_offending_row_with_its_key_to_its_csv()
    {
        var warehouse = await WithGhostPlaysAsync(25);

        var report = await warehouse.VerifyAsync(failedFolder: _dir.Path);

        var outcome = report.Failures.Single(f => f.Check.Name == "songplays_user_in_users");
        Assert.That((outcome.Rows, outcome.Sample.Count, outcome.FirstRows.Count), Is.EqualTo((25L, 20, 5)));
        Assert.That(outcome.Columns, Is.EqualTo(new[] { "songplay_id", "user_id" }));
        var csv = File.ReadAllText(_dir.File("songplays_user_in_users.csv"));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(26), "a header and 25 rows");
        Assert.That(lines[0], Is.EqualTo("songplay_id,user_id"));
        Assert.That(csv, Does.Contain(",\"gh,\"\"ost\"\r\n"), "a field with a comma and a quote is quoted, its quote doubled");
        var ids = await warehouse.RowsAsync("select songplay_id from songplays where user_id like 'gh%' order by songplay_id");
        Assert.That(lines.Skip(1).Select(l => l[..l.IndexOf(',')]).Order(), Is.EqualTo(ids.Order()));
        Assert.That(outcome.Csv, Is.EqualTo(_dir.File("songplays_user_in_users.csv")));
        Assert.That(report.FailureMessage(), Does.Contain($"user_id=gh,\"ost").And.Contain($"all 25: {outcome.Csv}"));
    }

    [Test]
    public async Task Passing_and_informational_checks_write_no_csv_and_a_stale_one_is_removed()
    {
        var warehouse = await WithGhostPlaysAsync(0);
        File.WriteAllText(_dir.File("songplays_user_in_users.csv"), "left,by\r\nan,earlier run\r\n");
        File.WriteAllText(_dir.File("mine.csv"), "a user's own file\r\n");

        var report = await warehouse.VerifyAsync(failedFolder: _dir.Path);

        Assert.That(report.Failures, Is.Empty);
        Assert.That(Directory.GetFiles(_dir.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "mine.csv" }));
    }

    [Test]
    public async Task Verify_records_each_checks_violations_and_each_tables_rows_in_etl_runs()
    {
        var warehouse = await WithGhostPlaysAsync(3);

        await warehouse.VerifyAsync(runId: "run-counts");

        var counts = VerifyCounts.Parse((await warehouse.RowsAsync("select counts from etl_runs where run_id = 'run-counts'")).Single());
        Assert.That(counts.Checks["songplays_user_in_users"], Is.EqualTo(3));
        Assert.That(counts.Checks["users_user_id_unique_not_null"], Is.EqualTo(0));
        Assert.That(counts.Checks.ContainsKey("songplays_song_match_rate"), Is.False, "informational checks count nothing");
        Assert.That(counts.Tables["songplays"], Is.EqualTo(4));
        Assert.That(counts.Tables["users"], Is.EqualTo(1));
    }

    [Test]
    public void Counts_of_a_row_written_before_tables_were_recorded_read_as_checks()
    {
        var flat = VerifyCounts.Parse("{\"songplays_user_in_users\": 2, \"time_start_time_in_songplays\": 0}");
        var nested = VerifyCounts.Parse(VerifyCounts.ToJson([], new Dictionary<string, long?> { ["users"] = 5, ["time"] = null }).ToJsonString());

        Assert.That(flat.Checks, Is.EqualTo(new Dictionary<string, long> { ["songplays_user_in_users"] = 2, ["time_start_time_in_songplays"] = 0 }));
        Assert.That((nested.Checks.Count, nested.Tables), Is.EqualTo((0, new Dictionary<string, long> { ["users"] = 5 })));
        Assert.That(VerifyCounts.Parse("not json").Checks, Is.Empty);
    }

    [TestCase(new[] { "1", "plain" }, "1,plain\r\n")]
    [TestCase(new[] { "a,b", "say \"hi\"" }, "\"a,b\",\"say \"\"hi\"\"\"\r\n")]
    [TestCase(new[] { "two\nlines", null }, "\"two\nlines\",\r\n")]
    public void Csv_fields_are_escaped_as_rfc_4180_says(string?[] fields, string line) =>
        Assert.That(FailedRowsCsv.Line(fields), Is.EqualTo(line));
}
