using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// Report and Query through ./build.sh on the local profile, against the hand-made star schema; neither changes a row.
[NonParallelizable]
public class ReportQueryBuildTests
{
    BuildScript _build = null!;
    WarehouseEndpoint _warehouse = null!;

    [OneTimeSetUp]
    public async Task LoadStarSchema()
    {
        _build = new BuildScript();
        var created = _build.Run("CreateTables");
        Assert.That(created.ExitCode, Is.EqualTo(0), created.Output);
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(_build.StateDir, "state-local.json")));
        _warehouse = new WarehouseEndpoint(Dialect.Postgres, "127.0.0.1", _build.PgPort, "sparkify", "sparkify_admin",
            state.RootElement.GetProperty("local_owner_password").GetString()!);
        await StarSchema.SeedAsync(_warehouse);
    }

    [OneTimeTearDown]
    public void EndBuild() => _build.Dispose();

    [Test]
    public async Task Report_alone_writes_the_report_prints_the_digest_and_changes_nothing()
    {
        var before = await ChecksumAsync();

        var result = _build.Run("Report");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("16 plays by 4 listeners in 7 sessions, 2018-11-04 to 2018-11-10"));
        var html = Path.Combine(_build.ArtifactsDir, "report", "index.html");
        Assert.That(result.Output, Does.Contain($"Report written to {html}"));
        Assert.That(File.ReadAllText(html), Does.Contain("data:image/svg+xml;base64,"), "no chart was drawn inside Cake");
        Assert.That(File.Exists(Path.Combine(_build.ArtifactsDir, "report", "report.md")), Is.True);
        // Report alone is read-only: its own record has the report section; run-summary.json stays CreateTables's.
        var record = BuildWarehouse.LastRecord(_build);
        Assert.That(record["report"]!["sections"]!["plays_by_weekday"]!.GetValue<int>(), Is.EqualTo(7));
        Assert.That(BuildWarehouse.Summary(_build)["report"], Is.Null);
        Assert.That(await ChecksumAsync(), Is.EqualTo(before));
    }

    [Test]
    public void Report_alone_runs_nothing_else()
    {
        var result = _build.Run("Report", "--dryrun");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("1. Report").And.Not.Contains("CreateTables"));
    }

    [Test]
    public void Query_prints_the_result_as_an_aligned_table()
    {
        var result = _build.Run("Query", "--sql=select count(*) from songplays");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("count\n-----\n   16\n(1 row)\n"));
    }

    [Test]
    public void Query_keeps_colons_and_equals_signs_of_the_sql()
    {
        var result = _build.Run("Query", "--sql=select 1::int as a, 'x:y=z' as b, 2 = 2 as c");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("a | b     | c\n--+-------+-----\n1 | x:y=z | true\n"));
    }

    [Test]
    public void Query_reads_the_sql_from_a_file()
    {
        var result = _build.Run("Query", "--file=sql/analytics/40_plays_by_weekday.sql");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Match(@"\n\s+6 \| Saturday\s+\|\s+6 \|\s+1\n"));
        Assert.That(result.Output, Does.Contain("(7 rows)"), "Friday has no plays and is listed as 0");
    }

    [Test]
    public async Task Query_that_writes_is_refused_with_postgresqls_message_and_exits_non_zero()
    {
        var before = await ChecksumAsync();

        var result = _build.Run("Query", "--sql=delete from users");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("--sql failed: ERROR 25006: cannot execute DELETE in a read-only transaction"));
        Assert.That(result.Output, Does.Not.Contain("   at "), "an expected failure printed a stack trace");
        Assert.That(await ChecksumAsync(), Is.EqualTo(before));
    }

    [Test]
    public void Query_error_prints_the_message_and_position_and_exits_non_zero()
    {
        var result = _build.Run("Query", "--sql=selec 1");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("ERROR 42601: syntax error at or near \"selec\" (at character 1)"));
    }

    [Test]
    public void Query_without_sql_says_how_to_give_it()
    {
        var result = _build.Run("Query");

        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Output, Does.Contain("Query needs the SQL to run: --sql="));
    }

    /// Row count and an md5 of every row of the seven tables.
    async Task<string> ChecksumAsync()
    {
        await using var connection = await _warehouse.OpenAsync(CancellationToken.None);
        var parts = new List<string>();
        foreach (var table in Tables.All)
        {
            // Table names come from the fixed list, never from input.
            await using var command = new NpgsqlCommand(
                $"select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from {table} as t", connection);
            parts.Add($"{table}={await command.ExecuteScalarAsync()}");
        }
        Assert.That(parts, Has.Some.Match("^songplays=16:"), "the star schema is not loaded");
        return string.Join(", ", parts);
    }
}
