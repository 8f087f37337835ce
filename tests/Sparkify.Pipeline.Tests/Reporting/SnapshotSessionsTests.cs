using Npgsql;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// The report's queries run on two sessions at once, and still read one snapshot and come back in their order.
public class SnapshotSessionsTests
{
    WarehouseEndpoint _db = null!;

    [OneTimeSetUp]
    public async Task Seed() => _db = await StarSchema.NewAsync();

    [Test]
    [Description("Issue 13: two reader sessions share the first one's exported snapshot")]
    public async Task A_row_committed_while_the_sessions_run_is_seen_by_neither()
    {
        var before = StarSchema.Plays.Length;
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sessions = new HashSet<ReadOnlySession>();

        var counts = await SnapshotSessions.RunAsync(_db, 2, async (session, i, ct) =>
        {
            lock (sessions) sessions.Add(session);
            if (i == 0)
            {
                var own = await CountAsync(session, ct);
                // Another connection adds a play and commits, after both sessions began.
                await using var writer = await _db.OpenAsync(ct);
                await using var insert = new NpgsqlCommand(
                    "insert into songplays (start_time, user_id, level, session_id, item_in_session) values ('2018-11-30 10:00', '1', 'free', 99, 1)", writer);
                await insert.ExecuteNonQueryAsync(ct);
                committed.SetResult();
                return own;
            }
            await committed.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            return await CountAsync(session, ct);
        }, CancellationToken.None);

        Assert.That(sessions, Has.Count.EqualTo(2), "the two queries ran on two sessions");
        Assert.That(counts, Is.EqualTo(new[] { before, before }));
        await using var after = await ReadOnlySession.OpenAsync(_db, CancellationToken.None);
        Assert.That(await CountAsync(after, CancellationToken.None), Is.EqualTo(before + 1), "the row was committed");
        await using var cleanup = await _db.OpenAsync(CancellationToken.None);
        await using var delete = new NpgsqlCommand("delete from songplays where session_id = 99", cleanup);
        await delete.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task Results_come_back_in_the_queries_order_whichever_session_finishes_first()
    {
        // The first query is the slowest, so the other session finishes the rest before it.
        var results = await SnapshotSessions.RunAsync(_db, 5, async (session, i, ct) =>
        {
            var rows = await session.RunAsync($"select {i} as i from pg_sleep({(i == 0 ? 0.5 : 0)})", "test", ct);
            return Convert.ToInt32(rows[0].Rows[0][0]);
        }, CancellationToken.None);

        Assert.That(results, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public void A_failing_query_fails_the_run_with_its_own_message()
    {
        var e = Assert.ThrowsAsync<PipelineException>(() => SnapshotSessions.RunAsync(_db, 4, async (session, i, ct) =>
        {
            var sql = i == 2 ? "select * from no_such_table" : "select pg_sleep(0.2)";
            return (await session.RunAsync(sql, $"query {i}", ct)).Count;
        }, CancellationToken.None));

        Assert.That(e!.Message, Does.StartWith("query 2 failed: ERROR 42P01"));
    }

    [Test]
    [Description("Issue 29: the report's two sessions do not add parallel workers on top of each other")]
    public async Task The_report_sessions_run_without_parallel_workers_and_still_share_the_snapshot()
    {
        var setup = ReportBuilder.SessionSetup(_db, SqlFiles.In(Repo.Root));
        var sessions = new HashSet<ReadOnlySession>();

        var workers = await SnapshotSessions.RunAsync(_db, 2, async (session, i, ct) =>
        {
            lock (sessions) sessions.Add(session);
            // Both sessions are busy at once, so each query runs on its own session.
            var rows = await session.RunAsync("select pg_sleep(0.3), current_setting('max_parallel_workers_per_gather') as workers", "test", ct);
            return (string)rows[0].Rows[0][1]!;
        }, CancellationToken.None, setup);
        var plain = await SnapshotSessions.RunAsync(_db, 1, async (session, i, ct) =>
            (string)(await session.RunAsync("select current_setting('max_parallel_workers_per_gather')", "test", ct))[0].Rows[0][0]!,
            CancellationToken.None);

        Assert.That(sessions, Has.Count.EqualTo(2));
        Assert.That(workers, Is.EqualTo(new[] { "0", "0" }));
        Assert.That(plain, Is.Not.EqualTo(new[] { "0" }), "the server's default already has no workers: this test would prove nothing");
    }

    static async Task<int> CountAsync(ReadOnlySession session, CancellationToken ct) =>
        Convert.ToInt32((await session.RunAsync("select count(*) from songplays", "count", ct))[0].Rows[0][0]);
}
