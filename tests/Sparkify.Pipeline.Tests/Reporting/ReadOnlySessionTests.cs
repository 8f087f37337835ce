using Npgsql;
using Sparkify.Pipeline.Reporting;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Reporting;

/// What Report and Query run in: writes are refused by PostgreSQL itself, and nothing typed into the SQL stays.
public class ReadOnlySessionTests
{
    WarehouseEndpoint _db = null!;

    [OneTimeSetUp]
    public async Task Seed() => _db = await StarSchema.NewAsync();

    [TestCase("delete from users", "cannot execute DELETE in a read-only transaction")]
    [TestCase("insert into users values ('9', 'X', 'Y', 'F', 'free')", "cannot execute INSERT in a read-only transaction")]
    [TestCase("drop table songplays", "cannot execute DROP TABLE in a read-only transaction")]
    [TestCase("commit; delete from users", "cannot execute DELETE in a read-only transaction")]
    public async Task A_write_is_refused_with_postgresqls_message_and_changes_nothing(string sql, string message)
    {
        await using (var session = await ReadOnlySession.OpenAsync(_db, CancellationToken.None))
        {
            var e = Assert.ThrowsAsync<PipelineException>(async () => await session.RunAsync(sql, "--sql", CancellationToken.None));
            Assert.That(e!.Message, Does.StartWith("--sql failed: ERROR 25006: " + message));
        }

        Assert.That(await CountAsync("users"), Is.EqualTo(4));
        Assert.That(await CountAsync("songplays"), Is.EqualTo(StarSchema.Plays.Length));
    }

    [Test]
    public void Redshift_sessions_begin_a_plain_transaction_and_postgres_a_read_only_snapshot()
    {
        Assert.That(ReadOnlySession.BeginSql(Dialect.Redshift), Is.EqualTo("begin"));
        Assert.That(ReadOnlySession.BeginSql(Dialect.Postgres), Is.EqualTo(
            "set session characteristics as transaction read only; begin transaction isolation level repeatable read read only"));
    }

    [Test]
    public async Task A_syntax_error_names_the_position_and_points_at_it()
    {
        await using var session = await ReadOnlySession.OpenAsync(_db, CancellationToken.None);

        var e = Assert.ThrowsAsync<PipelineException>(async () =>
            await session.RunAsync("select user_id\nfrom users\nwher level = 'free'", "--file=q.sql", CancellationToken.None));

        Assert.That(e!.Message, Does.StartWith("--file=q.sql failed: ERROR 42601: syntax error at or near \"level\" (at character 32)"));
        Assert.That(e.Message, Does.EndWith("  wher level = 'free'" + Environment.NewLine + "       ^"));
    }

    [Test]
    public async Task A_missing_table_says_to_load_the_warehouse()
    {
        await using var session = await ReadOnlySession.OpenAsync(_db, CancellationToken.None);

        var e = Assert.ThrowsAsync<PipelineException>(async () => await session.RunAsync("select * from songplay", "--sql", CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("ERROR 42P01: relation \"songplay\" does not exist (at character 15)"));
        Assert.That(e.Message, Does.Contain("./build.sh Etl"));
    }

    [Test]
    public async Task Several_statements_give_one_result_each_and_a_row_limit_is_reported()
    {
        await using var session = await ReadOnlySession.OpenAsync(_db, CancellationToken.None);

        var results = await session.RunAsync("select user_id from users order by user_id; select count(*) as n from songs", "--sql",
            CancellationToken.None, maxRows: 3);

        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results[0].Rows.Select(r => r[0]), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(results[0].Truncated, Is.True);
        Assert.That(results[1].Rows.Single()[0], Is.EqualTo(4L));
        Assert.That(results[1].Truncated, Is.False);
    }

    [Test]
    public async Task Every_query_of_a_session_sees_the_same_snapshot()
    {
        await using var session = await ReadOnlySession.OpenAsync(_db, CancellationToken.None);
        var before = (await session.RunAsync("select count(*) from users", "--sql", CancellationToken.None))[0].Rows[0][0];

        await using (var other = await _db.OpenAsync(CancellationToken.None))
        await using (var insert = new NpgsqlCommand("insert into users values ('99', 'New', 'User', 'F', 'free')", other))
            await insert.ExecuteNonQueryAsync();
        var after = (await session.RunAsync("select count(*) from users", "--sql", CancellationToken.None))[0].Rows[0][0];

        await using (var other = await _db.OpenAsync(CancellationToken.None))
        await using (var delete = new NpgsqlCommand("delete from users where user_id = '99'", other))
            await delete.ExecuteNonQueryAsync();
        Assert.That(after, Is.EqualTo(before), "a later query saw a row committed after the session began");
    }

    async Task<long> CountAsync(string table)
    {
        await using var connection = await _db.OpenAsync(CancellationToken.None);
        return (await Tables.CountRowsAsync(connection, CancellationToken.None))[table]!.Value;
    }
}
