using Npgsql;
using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Loading.RedshiftLedger;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Loading.RedshiftLedger.LedgerLoadKit;
using LoadTestKit = Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading.RedshiftLedger;

/// <summary>
/// Issue 27 on Redshift: the ledger load dies (its session ends as a kill -9 of the run ends it: no rollback, no more
/// statements) between the COPY into the per-load temp table and the swap's commit. Nothing of it may be committed,
/// and the rerun must copy the same objects once and leave each of their rows, ledger rows and changes there once.
/// The session is ended by the server (pg_terminate_backend), on the stand-in of <see cref="RedshiftStandIn"/>.
/// </summary>
[Description("issue 27: kill -9 during the Redshift ledger load, then rerun")]
public class RedshiftLedgerCrashTests
{
    public static readonly string[] Points = ["after the COPY into the load table", "in the swap, before the ledger rows", "before the commit"];

    [TestCaseSource(nameof(Points))]
    public async Task A_load_killed_between_its_copy_and_its_commit_commits_nothing_and_the_rerun_loads_the_objects_once(string point)
    {
        var s3 = await RedshiftStandIn.CreateAsync();
        s3.Put("song_data/A/A/x1.json", "S1");
        s3.Put("song_data/A/B/y1.json", "S3");
        await LoadAsync(s3);
        await ClearChangesAsync(s3.Db);
        var before = (await SongsAsync(s3.Db), await LedgerAsync(s3.Db), await ChangesAsync(s3.Db));
        s3.Put("song_data/A/B/y2.json", "S4");

        if (point == Points[1]) await LoadTestKit.ExecuteAsync(s3.Db, KilledOnLedgerInsert);
        Assert.That(() => LoadAsync(s3, adjust: context => Armed(context, s3, point)), point == Points[1]
            ? Throws.InstanceOf<PostgresException>().With.Property(nameof(PostgresException.SqlState)).EqualTo(PostgresErrorCodes.AdminShutdown)
            : Throws.InstanceOf<Killed>());
        await LoadTestKit.ExecuteAsync(s3.Db, "drop trigger if exists killed on load_ledger; drop function if exists killed()");
        Assert.That((await SongsAsync(s3.Db), await LedgerAsync(s3.Db), await ChangesAsync(s3.Db)), Is.EqualTo(before), "the killed load committed nothing");

        var (result, _, copies) = await LoadAsync(s3);

        Assert.That(Froms(copies), Is.EqualTo(new[] { "from 's3://sparkify-test/song_data/A/B/y2.json'" }), "the new object is copied again, alone");
        Assert.That(result.Counts, Is.EqualTo(new ObjectCounts(1, 0, 0, 2, 0)));
        Assert.That(await SongsAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/A/x1.json S1 #1", "song_data/A/B/y1.json S3 #1", "song_data/A/B/y2.json S4 #2" }));
        Assert.That(await LedgerAsync(s3.Db), Is.EqualTo(new[]
            { "song_data/A/A/x1.json #1 g1 loaded 1", "song_data/A/B/y1.json #1 g1 loaded 1", "song_data/A/B/y2.json #2 g2 loaded 1" }));
        Assert.That(await ChangesAsync(s3.Db), Is.EqualTo(new[] { "song_data/A/B/y2.json added" }));
        Assert.That(await SongsAsync(s3.Db, withIds: false), Is.EqualTo(await FreshSongsAsync(s3)));
    }

    /// The run's process is gone: the server ends its session (rolling back what it had not committed) and no statement
    /// of the load runs after the point.
    sealed class Killed() : Exception("kill -9 of the run");

    static LedgerLoadContext Armed(LedgerLoadContext context, RedshiftStandIn s3, string point) => point switch
    {
        "after the COPY into the load table" => context with
        {
            RunCopy = async (connection, statement, unit, ct) =>
            {
                await s3.CopyAsync(connection, statement, unit, ct);
                await KillAsync(s3.Db, connection);
            },
        },
        "before the commit" => context with { BeforeCommit = (connection, _, _, _) => KillAsync(s3.Db, connection) },
        _ => context,
    };

    static async Task KillAsync(WarehouseEndpoint db, NpgsqlConnection session)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("select pg_terminate_backend(@pid, 10000)", connection);
        command.Parameters.AddWithValue("pid", session.ProcessID);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(true), "the load's session ended");
        // The dead process's connections went with it: once the client sees its session ended, the pool drops it, so
        // the rerun is never handed the ended session.
        try { await new NpgsqlCommand("select 1", session).ExecuteNonQueryAsync(); }
        catch (NpgsqlException) { }
        Assert.That(session.FullState, Is.EqualTo(System.Data.ConnectionState.Broken).Or.EqualTo(System.Data.ConnectionState.Closed));
        throw new Killed();
    }

    /// The server ends the session itself when the swap writes load_ledger, after the staging rows were swapped.
    const string KilledOnLedgerInsert = """
        create function killed() returns trigger language plpgsql as $$ begin perform pg_terminate_backend(pg_backend_pid()); return null; end $$;
        create trigger killed before insert on load_ledger for each statement execute function killed()
        """;
}
