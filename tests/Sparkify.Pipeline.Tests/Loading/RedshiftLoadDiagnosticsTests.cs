using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Loading;

/// <summary>
/// Where a Redshift COPY's outcome is read from (issue 26): SYS_ views on every shape, STL_LOAD_ERRORS' raw line only
/// where the caller says STL exists. Redshift cannot run here, so its system views are stood in for on a real
/// PostgreSQL with the guide's columns (Fixtures/redshift_sys_views.sql; one COPY's rows in redshift_system_views.sql),
/// and the statements sent are recorded.
/// </summary>
public class RedshiftLoadDiagnosticsTests
{
    static readonly CancellationToken None = CancellationToken.None;
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    static string Here(string file) => Path.Combine(Repo.Root, "tests", "Sparkify.Pipeline.Tests", "Loading", file);

    /// The relations a query reads (after from/join), lower case.
    static IReadOnlyList<string> ViewsRead(string file) => Regex.Matches(Body(Sql.Read(file)), @"\b(?:from|join)\s+([a-z_]+)")
        .Select(m => m.Groups[1].Value).Distinct().Order().ToList();

    static string Body(string sql) => string.Join("\n", sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--")));

    [Test]
    public void Each_shape_reads_its_own_views()
    {
        Assert.That(RedshiftLoadDiagnostics.ErrorsFile(LoadViews.SysOnly), Is.EqualTo("redshift/load_errors.sql"));
        Assert.That(RedshiftLoadDiagnostics.ErrorsFile(LoadViews.SysWithStlRawLine), Is.EqualTo("redshift/load_errors_with_raw_line.sql"));
        Assert.That(ViewsRead(RedshiftLoadDiagnostics.ErrorsFile(LoadViews.SysOnly)), Is.EqualTo(new[] { "sys_load_error_detail" }));
        Assert.That(ViewsRead(RedshiftLoadDiagnostics.ErrorsFile(LoadViews.SysWithStlRawLine)),
            Is.EqualTo(new[] { "stl_load_errors", "sys_load_error_detail" }));
        Assert.That(ViewsRead(RedshiftLoadDiagnostics.SummaryFile), Is.EqualTo(new[] { "sys_load_detail", "sys_load_history" }));
    }

    [Test]
    [Description("Issue 26: STL_LOAD_ERRORS and STL_LOAD_COMMITS do not exist on Serverless nor on Multi-AZ clusters")]
    public void The_SYS_only_shape_reads_errors_and_summary_and_sends_no_stl_text()
    {
        var (errors, summary, statements) = Diagnose(LoadViews.SysOnly, withStl: true);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "s3://b/log_data/2018-11-02-events.json line 17, column item_in_session: Invalid digit, Value 'x', Pos 0, Type: Integer (code 1207)",
            "s3://b/log_data/2018-11-03-events.json line 5, column level: String length exceeds DDL length (code 1204)",
        }));
        Assert.That(errors.Select(e => (e.ColumnLength, e.RawLine)), Is.EqualTo(new[] { ((int?)null, ""), (16, "") }));
        Assert.That(summary, Is.EqualTo((1234L, 2, 2)));
        Assert.That(statements, Has.Count.EqualTo(2).And.Some.Contains("sys_load_error_detail"));
        Assert.That(statements, Has.None.Contains("stl_"), "no stl_ text reaches the warehouse");
    }

    [Test]
    public void On_a_provisioned_single_AZ_cluster_the_raw_line_comes_from_stl_load_errors()
    {
        var (errors, _, _) = Diagnose(LoadViews.SysWithStlRawLine, withStl: true);

        Assert.That(errors.Select(e => (e.Line, e.RawLine, e.RawValue)), Is.EqualTo(new[]
        {
            (17L, "{\"itemInSession\": \"x7\"}", "x7"), (5L, "", ""),
        }));
    }

    [Test]
    public void Where_STL_is_allowed_but_missing_the_SYS_only_query_answers()
    {
        var (errors, _, _) = Diagnose(LoadViews.SysWithStlRawLine, withStl: false);

        Assert.That(errors.Select(e => (e.Line, e.Reason)), Is.EqualTo(new[]
        {
            (17L, "Invalid digit, Value 'x', Pos 0, Type: Integer"), (5L, "String length exceeds DDL length"),
        }));
    }

    /// Runs both diagnostics on a database holding the stand-ins; returns what they read and the statements they sent.
    static (IReadOnlyList<LoadError> Errors, (long, int, int) Summary, IReadOnlyList<string> Statements) Diagnose(LoadViews views,
        bool withStl) => Task.Run(async () =>
    {
        var warehouse = await PostgresFixture.NewDatabaseAsync("sysviews");
        await using var connection = await warehouse.OpenAsync(None);
        await RedshiftSysViews.CreateAsync(connection, withStl
            ? [Here("redshift_system_views.sql"), Here("stl_load_errors.sql")] : [Here("redshift_system_views.sql")]);
        using var recorder = new StatementRecorder(warehouse.Database);
        var errors = await RedshiftLoadDiagnostics.ErrorsAsync(connection, Sql, "staging_events", views, None);
        var summary = await RedshiftLoadDiagnostics.SummaryAsync(connection, Sql, None);
        return (errors, summary, recorder.Statements);
    }).GetAwaiter().GetResult();
}
