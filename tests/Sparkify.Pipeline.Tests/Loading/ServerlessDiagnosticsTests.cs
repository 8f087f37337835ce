using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Loading.RedshiftLedger;
using Sparkify.Pipeline.Platforms;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Tests.Targets;

namespace Sparkify.Pipeline.Tests.Loading;

/// <summary>
/// issue 26: no stl_ query on the Redshift Serverless path. The path's choice of views (AwsPlatform.LoadViewsOf) is
/// taken, and every statement the Redshift ledger load then sends is captured as Npgsql sends it (its "Npgsql" ActivitySource),
/// against a real PostgreSQL (no Redshift here: the COPY and the system views fail there, after being sent).
/// </summary>
[NonParallelizable]
public class ServerlessDiagnosticsTests
{
    const string Role = PinnedCopy.Role;

    static List<string> Sent(LoadViews views)
    {
        var sent = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.FirstOrDefault(t => t.Key is "db.query.text" or "db.statement").Value is string text)
                    lock (sent) sent.Add(text);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var warehouse = PostgresFixture.NewDatabaseAsync("sysdiag").GetAwaiter().GetResult();
        Sparkify.Pipeline.Targets.CreateTables.RunAsync(warehouse, LoadTestKit.Sql, false, CancellationToken.None).GetAwaiter().GetResult();
        var copy = new CopyCommand("staging_songs", "s3://sparkify-test/song_data", new CopyOptions());
        // The failure path: PostgreSQL cannot run Redshift's COPY, so the error diagnostics are sent next.
        var context = new LedgerLoadContext(warehouse, LoadTestKit.Sql, Role, new PipelineLog(TextWriter.Null), "run-1") { Views = views };
        Assert.ThrowsAsync<PipelineException>(() => RedshiftLedgerLoad.RunAsync(context, copy,
            [new ListedFile("song_data/A/x.json", 10, "\"e1\"")], CancellationToken.None));
        // The committed path's summary, sent on its own (its views do not exist here).
        using (var connection = warehouse.OpenAsync(CancellationToken.None).GetAwaiter().GetResult())
            Assert.ThrowsAsync<PostgresException>(() => RedshiftLoadDiagnostics.SummaryAsync(connection, LoadTestKit.Sql, CancellationToken.None));
        return sent;
    }

    [Test]
    public void The_serverless_path_chooses_SYS_only_views_by_configuration_and_by_what_the_state_records()
    {
        var serverless = MotoAccount.Config("CLUSTER:kind=serverless");
        var provisioned = MotoAccount.Config();

        Assert.That(AwsPlatform.LoadViewsOf(serverless, new DwhState()), Is.EqualTo(LoadViews.SysOnly));
        Assert.That(AwsPlatform.LoadViewsOf(provisioned, new DwhState { Kind = "serverless" }), Is.EqualTo(LoadViews.SysOnly));
        Assert.That(AwsPlatform.LoadViewsOf(serverless, new DwhState { Kind = "provisioned" }), Is.EqualTo(LoadViews.SysWithStlRawLine));
    }

    [Test]
    public void The_serverless_path_sends_no_stl_statement()
    {
        var sent = Sent(AwsPlatform.LoadViewsOf(MotoAccount.Config("CLUSTER:kind=serverless"), new DwhState()));

        Assert.That(sent, Has.Some.StartsWith("create temp table load_staging_songs").And.Some.StartsWith("copy load_staging_songs"));
        Assert.That(sent, Has.Some.Contains("sys_load_error_detail").And.Some.Contains("sys_load_history"));
        // Comments are text, not queries: the shared SQL files explain in theirs why STL is avoided.
        var code = sent.Select(text => string.Join("\n", text.Split('\n').Where(l => !l.TrimStart().StartsWith("--")))).ToList();
        Assert.That(code, Has.None.Contains("stl_").IgnoreCase, "no STL view is queried on the Serverless path");
    }

    [Test]
    public void The_same_capture_sees_stl_on_a_provisioned_cluster()
    {
        var sent = Sent(AwsPlatform.LoadViewsOf(MotoAccount.Config(), new DwhState()));

        Assert.That(sent, Has.Some.Contains("stl_load_errors"), "the capture can fail");
    }
}
