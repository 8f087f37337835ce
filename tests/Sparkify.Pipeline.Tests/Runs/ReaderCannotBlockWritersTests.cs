using Npgsql;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// Issue 24, rule 3: a reading session can neither take nor hold the writer lock, and a refusal names a holder only
/// while that holder's session holds the lock. On a real PostgreSQL, with a reader that may even SELECT every table.
/// </summary>
public class ReaderCannotBlockWritersTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    static readonly PipelineLog Log = new(TextWriter.Null);

    // The advisory key every run used for the writer lock before issue 24 (any role may take an advisory lock).
    const long OldAdvisoryKey = 0x53504B5944574831;

    static WriterHolder Holder(string runId) => new(runId, "pid 4242 on build-host (user etl)", "StageCopy", new DateTime(2026, 12, 1, 20, 0, 0));

    static async Task<WriterLock> AcquireAsync(WarehouseEndpoint db, string runId, Dialect statements)
    {
        if (statements == Dialect.Redshift)
            await ExecuteAsync(db, "create or replace view svv_transactions as select l.pid, l.relation::integer as relation, l.granted from pg_locks l");
        return await WriterLock.AcquireAsync(db, Sql, Holder(runId), false, Log, CancellationToken.None, statements);
    }

    [Test]
    [Description("issue 24: a reader session took the writer lock's advisory key and every writer was refused")]
    public async Task A_reader_session_can_neither_take_nor_hold_the_writer_lock()
    {
        var db = await PostgresFixture.NewDatabaseAsync("rdlock");
        await (await AcquireAsync(db, "run-setup", Dialect.Postgres)).DisposeAsync();
        await ExecuteAsync(db, Sql.Read("runs/redshift_create_writer_lock.sql")); // made by the first writer; here whatever the lock
        var reader = await ReaderAsync(db);

        await using var session = await reader.OpenAsync(CancellationToken.None);
        await ExecuteAsync(session, $"select pg_advisory_lock({OldAdvisoryKey})");
        await ExecuteAsync(session, "begin");
        await ExecuteAsync(session, "select count(*) from etl_writer_lock");
        foreach (var mode in new[] { "exclusive", "share", "row exclusive", "access exclusive" })
        {
            await using var other = await reader.OpenAsync(CancellationToken.None);
            var e = Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(other, $"begin; lock table etl_writer_lock in {mode} mode nowait"));
            Assert.That(e!.SqlState, Is.EqualTo("42501"), $"the reader took the lock in {mode} mode: {e.MessageText}");
        }

        await using var writer = await AcquireAsync(db, "run-writer", Dialect.Postgres);

        Assert.That(writer, Is.Not.Null, "the writer was refused while a reader held what it could");
    }

    [TestCase(Dialect.Postgres), TestCase(Dialect.Redshift)]
    [Description("issue 24: the refusal named a run that had finished and a pid that no longer existed")]
    public async Task A_refusal_names_the_recorded_holder_only_while_its_session_holds_the_lock(Dialect statements)
    {
        var db = await PostgresFixture.NewDatabaseAsync("rdlock");
        await (await AcquireAsync(db, "run-finished", statements)).DisposeAsync();
        // A new holder that has not recorded itself yet (it took the lock a moment ago).
        await using var newHolder = await db.OpenAsync(CancellationToken.None);
        await ExecuteAsync(newHolder, "begin; lock table etl_writer_lock");

        var refusal = Assert.ThrowsAsync<PipelineException>(async () => await AcquireAsync(db, "run-refused", statements));

        Assert.That(refusal!.Message, Does.Not.Contain("run-finished").And.Not.Contain("4242"));
        Assert.That(refusal.Message, Does.Contain("its holder has not recorded itself yet"));
    }

    /// A login role that may connect, use schema public and SELECT every table there (more than the real reader gets).
    static async Task<WarehouseEndpoint> ReaderAsync(WarehouseEndpoint db)
    {
        var (role, password) = ($"rd_{Guid.NewGuid():N}"[..14], Passwords.New());
        await ExecuteAsync(db, $"create role {role} login password '{password}'; grant connect on database {db.Database} to {role}; " +
                               $"grant usage on schema public to {role}; grant select on all tables in schema public to {role}");
        return new WarehouseEndpoint(Dialect.Postgres, db.Host, db.Port, db.Database, role, password);
    }

    static async Task ExecuteAsync(WarehouseEndpoint db, string sql)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, sql);
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
