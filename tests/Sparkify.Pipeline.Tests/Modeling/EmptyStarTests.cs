using Npgsql;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Modeling;

/// Issue 13: Transform truncates songplays and time inside its transaction only when both are empty, so their rows
/// skip the WAL (sql/postgres/empty_star_truncated.sql); a fact already there, or one committed while Transform
/// waits for the lock, is never truncated away. The planner settings of its transaction stay in it.
public class EmptyStarTests
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);

    static async Task<TestWarehouse> StagedAsync()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            new StagedEvent("7", Ms("2018-11-04 10:00:00.000"), SessionId: 1, ItemInSession: 0),
            new StagedEvent("8", Ms("2018-11-05 12:00:00.000"), SessionId: 2, ItemInSession: 0));
        return warehouse;
    }

    static async Task<List<string>> FileNodesAsync(TestWarehouse warehouse) =>
        await warehouse.RowsAsync("select pg_relation_filenode('songplays'), pg_relation_filenode('time')");

    [Test]
    public async Task A_first_run_truncates_the_empty_fact_and_time_and_a_rerun_keeps_tables_and_ids()
    {
        var warehouse = await StagedAsync();
        var empty = await FileNodesAsync(warehouse);

        await warehouse.TransformAsync(runId: "first");
        var filled = await FileNodesAsync(warehouse);
        var facts = await warehouse.RowsAsync("select songplay_id, session_id from songplays order by session_id");
        await warehouse.TransformAsync(runId: "second");

        Assert.That(filled, Is.Not.EqualTo(empty), "a truncate gives both tables new files");
        Assert.That(facts, Has.Count.EqualTo(2));
        Assert.That(await FileNodesAsync(warehouse), Is.EqualTo(filled), "tables holding rows are merged into, not truncated");
        Assert.That(await warehouse.RowsAsync("select songplay_id, session_id from songplays order by session_id"), Is.EqualTo(facts));
        Assert.That(await warehouse.CountAsync("time"), Is.EqualTo(2));
    }

    [Test]
    public async Task An_empty_time_beside_facts_is_refilled_and_the_facts_keep_their_ids()
    {
        var warehouse = await StagedAsync();
        await warehouse.TransformAsync(runId: "first");
        var facts = await warehouse.RowsAsync("select songplay_id, session_id from songplays order by session_id");
        await warehouse.ExecuteAsync("delete from time");
        var before = await FileNodesAsync(warehouse);

        await warehouse.TransformAsync(runId: "second");

        Assert.That(await FileNodesAsync(warehouse), Is.EqualTo(before));
        Assert.That(await warehouse.RowsAsync("select songplay_id, session_id from songplays order by session_id"), Is.EqualTo(facts));
        Assert.That(await warehouse.CountAsync("time"), Is.EqualTo(2));
    }

    [Test, CancelAfter(60_000)]
    public async Task A_fact_committed_while_transform_waits_for_the_lock_is_kept_with_its_id(CancellationToken ct)
    {
        var warehouse = await StagedAsync();
        await using var other = await warehouse.Db.OpenAsync(ct);
        await using var transaction = await other.BeginTransactionAsync(ct);
        // The staged event of session 1, written by someone else with an id of their own; not committed yet, so
        // Transform's first look finds songplays empty and it asks for the lock.
        await using (var insert = new NpgsqlCommand("""
            insert into songplays (songplay_id, start_time, user_id, level, session_id, item_in_session)
            overriding system value values (1000, timestamp '2018-11-04 10:00:00', '7', 'free', 1, 0)
            """, other))
            await insert.ExecuteNonQueryAsync(ct);

        var transform = warehouse.TransformAsync(runId: "waiting");
        while (await WaitingForLockAsync(warehouse, ct) == 0)
        {
            Assert.That(transform.IsCompleted, Is.False, "Transform finished without waiting for the other session's lock");
            await Task.Delay(50, ct);
        }
        await transaction.CommitAsync(ct);
        await transform;

        Assert.That(await warehouse.RowsAsync("select songplay_id, session_id from songplays order by session_id"),
            Has.Count.EqualTo(2).And.Contains("1000|1"), "the committed fact was merged into (its id kept), not truncated");
    }

    [Test]
    public async Task The_transform_session_settings_end_with_its_transaction()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await using var connection = await warehouse.Db.OpenAsync(CancellationToken.None);
        var before = await SettingAsync(connection);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var set = new NpgsqlCommand(Sql.Read("postgres/transform_session.sql"), connection))
                await set.ExecuteNonQueryAsync();
            Assert.That(await SettingAsync(connection), Is.EqualTo("0.02"));
            await transaction.CommitAsync();
        }
        Assert.That(await SettingAsync(connection), Is.EqualTo(before).And.Not.EqualTo("0.02"));
    }

    static async Task<long> WaitingForLockAsync(TestWarehouse warehouse, CancellationToken ct) =>
        long.Parse((await warehouse.RowsAsync(
            "select count(*) from pg_locks where relation = 'songplays'::regclass and not granted and mode = 'AccessExclusiveLock'"))[0]);

    static async Task<string> SettingAsync(NpgsqlConnection connection)
    {
        await using var show = new NpgsqlCommand("show parallel_tuple_cost", connection);
        return (string)(await show.ExecuteScalarAsync())!;
    }
}
