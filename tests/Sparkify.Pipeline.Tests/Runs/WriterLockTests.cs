using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Runs;

/// One writer at a time per warehouse, on a real PostgreSQL: the table lock, and Redshift's LOCK statements run there too
/// (Redshift's svv_transactions, which the refusal reads, is played by a view of pg_locks with its documented columns).
[Description("Issue 11 (5): one writer at a time")]
public class WriterLockTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    static readonly PipelineLog Log = new(TextWriter.Null);

    static WriterHolder Holder(string runId, string target = "StageCopy") =>
        new(runId, "pid 4242 on build-host (user etl)", target, new DateTime(2026, 12, 1, 20, 0, 0));

    static async Task<WriterLock> AcquireAsync(WarehouseEndpoint db, WriterHolder me, Dialect statements, bool wait = false, CancellationToken ct = default)
    {
        if (statements == Dialect.Redshift) await RedshiftViewsAsync(db);
        return await WriterLock.AcquireAsync(db, Sql, me, wait, Log, ct, statements);
    }

    /// svv_transactions as the Redshift Developer Guide documents its columns (pid, relation, granted, ...), from pg_locks.
    static Task RedshiftViewsAsync(WarehouseEndpoint db) => ExecuteAsync(db,
        "create or replace view svv_transactions as select l.pid, l.relation::integer as relation, l.mode as lock_mode, " +
        "l.locktype as lockable_object_type, l.granted from pg_locks l");

    [TestCase(Dialect.Postgres), TestCase(Dialect.Redshift)]
    public async Task Second_writer_is_refused_within_a_second_naming_the_holder_and_what_to_do(Dialect statements)
    {
        var db = await PostgresFixture.NewDatabaseAsync("lock");
        await using var first = await AcquireAsync(db, Holder("run-first"), statements);
        await first.EnterAsync("run-first", "Transform", CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var refusal = Assert.ThrowsAsync<PipelineException>(async () => await AcquireAsync(db, Holder("run-second"), statements));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1.9)), "refused, not queued (one second of LOCK timeout at most)");
        Assert.That(refusal!.Message, Does.Contain("run run-first").And.Contain("pid 4242 on build-host").And.Contain("target Transform")
            .And.Contain("2026-12-01 20:00:00").And.Contain("--wait").And.Contain("kill -TERM 4242"));
    }

    [TestCase(Dialect.Postgres), TestCase(Dialect.Redshift)]
    public async Task Writer_with_wait_takes_the_lock_once_the_holder_ends(Dialect statements)
    {
        var db = await PostgresFixture.NewDatabaseAsync("lock");
        var first = await AcquireAsync(db, Holder("run-first"), statements);

        var second = AcquireAsync(db, Holder("run-second"), statements, wait: true);
        await Task.Delay(1500);
        Assert.That(second.IsCompleted, Is.False, "--wait must wait while the holder runs");
        await first.DisposeAsync();
        await using var taken = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(await RowsAsync(db, "select run_id from etl_writer"), Is.EqualTo(new[] { "run-second" }));
    }

    [Test]
    public async Task A_killed_holders_lock_is_free_for_the_next_writer()
    {
        var db = await PostgresFixture.NewDatabaseAsync("lock");
        await using var first = await AcquireAsync(db, Holder("run-dead"), Dialect.Postgres);
        // The server ends the dead session as it does when a killed client's socket closes. The timeout makes
        // pg_terminate_backend wait until the backend is gone (without it, it only signals, and the next writer
        // could still find the lock held: seen once in CI).
        await ExecuteAsync(db, "select pg_terminate_backend(pid, 10000) from pg_locks where relation = 'etl_writer_lock'::regclass and granted");

        await using var next = await AcquireAsync(db, Holder("run-next"), Dialect.Postgres);

        Assert.That(await RowsAsync(db, "select run_id from etl_writer"), Is.EqualTo(new[] { "run-next" }));
    }

    [Test]
    public async Task Taking_the_lock_marks_other_runs_running_rows_abandoned_and_keeps_finished_ones()
    {
        var db = await PostgresFixture.NewDatabaseAsync("lock");
        await ExecuteAsync(db, Sql.Read("postgres/create_etl_runs.sql"));
        await ExecuteAsync(db, """
            insert into etl_runs (run_id, target, started_at, status) values
                ('run-dead', 'StageCopy', '2026-12-01 19:00', 'succeeded'),
                ('run-dead', 'Transform', '2026-12-01 19:01', 'running')
            """);

        await using var writer = await AcquireAsync(db, Holder("run-new"), Dialect.Postgres);

        Assert.That(await RowsAsync(db, "select target || ' ' || status || ' ' || (finished_at is not null)::text from etl_runs order by target"),
            Is.EqualTo(new[] { "StageCopy succeeded false", "Transform abandoned true" }));
    }

    [Test]
    public void Redshift_lock_sql_is_pinned()
    {
        var statements = RedshiftWriterLock.Files.Select(f => Statement(Sql.Read(f))).ToList();

        Assert.That(statements, Is.EqualTo(new[]
        {
            "create table if not exists etl_writer_lock ( id integer )", "set statement_timeout to 1000",
            "lock etl_writer_lock", "set statement_timeout to 0",
        }));
    }

    static string Statement(string file) =>
        Regex.Replace(string.Join(' ', file.Split('\n').Where(l => !l.TrimStart().StartsWith("--"))), @"\s+", " ").Trim();

    static async Task ExecuteAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    static async Task<List<string>> RowsAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(Convert.ToString(reader.GetValue(0))!);
        return rows;
    }
}
