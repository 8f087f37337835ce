using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Loading;

/// <summary>
/// issue 26: no stl_ query on the Redshift Serverless path. Every statement RedshiftCopy sends is captured as Npgsql
/// sends it (its "Npgsql" ActivitySource), against a real PostgreSQL given stand-ins for the SYS_ views and
/// pg_last_copy_count() (no Redshift here): the failed-COPY path and the committed-COPY summary, SYS-only vs STL.
/// </summary>
[NonParallelizable]
public class ServerlessDiagnosticsTests
{
    const string Role = "arn:aws:iam::123456789012:role/sparkify-dwh-s3-read";

    /// The SQL text of every command Npgsql starts while the listener lives.
    sealed class SentStatements : IDisposable
    {
        readonly ActivityListener _listener;
        public List<string> Sent { get; } = [];

        public SentStatements()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    var text = activity.TagObjects.FirstOrDefault(t => t.Key is "db.query.text" or "db.statement").Value as string;
                    if (text is not null) lock (Sent) Sent.Add(text);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Dispose() => _listener.Dispose();
    }

    static async Task<WarehouseEndpoint> WarehouseWithSysStandInsAsync()
    {
        var warehouse = await PostgresFixture.NewDatabaseAsync("sysdiag");
        await using var connection = await warehouse.OpenAsync(CancellationToken.None);
        foreach (var statement in new[]
                 {
                     "create table staging_songs (song_id text)",
                     "create table sys_load_error_detail (session_id int, query_id bigint, start_time timestamp, file_name text, line_number bigint, " +
                     "column_name text, column_type text, column_length text, error_code int, error_message text)",
                     "create table sys_load_history (session_id int, query_id bigint, start_time timestamp, source_file_count int)",
                     "insert into sys_load_error_detail values (pg_backend_pid(), 7, now(), 's3://sparkify-test/song_data/A/x.json', 3, 'year', 'int4', '', 1207, 'Invalid digit')",
                     "insert into sys_load_history values (pg_backend_pid(), 7, now(), 2)",
                     "create function pg_last_copy_count() returns bigint language sql as 'select 5::bigint'",
                 })
            await Statement.ExecuteAsync(connection, statement, CancellationToken.None);
        return warehouse;
    }

    static async Task<(List<string> Sent, string Failure, (long, int) Summary)> SendAsync(WarehouseEndpoint warehouse, CopyDiagnostics diagnostics)
    {
        using var capture = new SentStatements();
        var copy = new CopyCommand("staging_songs", "s3://sparkify-test/song_data", new CopyOptions());
        // PostgreSQL cannot run Redshift's COPY from S3: the failure path runs, and with it the error diagnostics.
        var failure = Assert.ThrowsAsync<PipelineException>(() =>
            RedshiftCopy.RunAsync(warehouse, LoadTestKit.Sql, copy, Role, new PipelineLog(TextWriter.Null), CancellationToken.None, null, diagnostics))!;
        (long, int) summary = default;
        try
        {
            await using var connection = await warehouse.OpenAsync(CancellationToken.None);
            summary = await RedshiftCopy.SummaryAsync(connection, LoadTestKit.Sql, diagnostics, CancellationToken.None);
        }
        catch (PostgresException) { /* the STL control has no stl_load_commits here; what was sent is what counts */ }
        return (capture.Sent, failure.Message, summary);
    }

    [Test]
    public async Task The_serverless_path_sends_no_stl_query_and_reads_errors_and_counts_from_SYS_views()
    {
        var warehouse = await WarehouseWithSysStandInsAsync();

        var (sent, failure, summary) = await SendAsync(warehouse, CopyDiagnostics.SysOnly);

        Assert.That(sent, Has.Some.StartsWith("delete from staging_songs").And.Some.StartsWith("copy staging_songs"));
        Assert.That(sent, Has.Some.Contains("from sys_load_error_detail as e").And.Some.Contains("from sys_load_history as h"));
        Assert.That(sent, Has.None.Contains("stl_").IgnoreCase, "no STL view is queried on the Serverless path");
        Assert.That(failure, Does.Contain("First errors (SYS_LOAD_ERROR_DETAIL)").And.Contain("s3://sparkify-test/song_data/A/x.json").And.Contain("Invalid digit"));
        Assert.That(summary, Is.EqualTo((5L, 2)));
    }

    [Test]
    public async Task The_same_capture_sees_the_stl_queries_of_the_provisioned_diagnostics()
    {
        var warehouse = await WarehouseWithSysStandInsAsync();

        var (sent, _, _) = await SendAsync(warehouse, CopyDiagnostics.Stl);

        Assert.That(sent, Has.Some.Contains("from stl_load_errors").And.Some.Contains("from stl_load_commits"), "the capture can fail");
    }

    [Test]
    public void No_sql_file_that_can_reach_redshift_but_the_stl_diagnostics_names_an_stl_view()
    {
        var root = Path.Combine(Repo.Root, "sql");
        // PostgreSQL's own DDL and the benchmark's SQL never reach Redshift.
        var withStl = Directory.GetFiles(root, "*.sql", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).StartsWith("postgres") && !Path.GetRelativePath(root, f).StartsWith("bench"))
            .Where(f => File.ReadAllText(f).Contains("stl_", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(root, f)).ToList();

        Assert.That(withStl, Is.SubsetOf(new[] { CopyDiagnostics.Stl.ErrorsFile, CopyDiagnostics.Stl.SummaryFile }));
        Assert.That(new[] { CopyDiagnostics.SysOnly.ErrorsFile, CopyDiagnostics.SysOnly.SummaryFile, "redshift/sys/serverless_usage.sql" },
            Has.None.AnyOf(withStl.ToArray()));
    }
}
