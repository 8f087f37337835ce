using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Local;

/// <summary>
/// The local cluster's role and database set-up, one run at a time: a session-level advisory lock on the bootstrap
/// superuser's connection (sql/postgres/roles/setup_lock.sql), held only while the statements run. ALTER ROLE, GRANT and
/// REVOKE rewrite one catalog row without locking it first, so two sessions doing them together fail with XX000 'tuple
/// concurrently updated' (PostgreSQL's heap_update of a row a concurrent transaction changed). Readers never take it:
/// they change no catalog.
/// </summary>
public static class CatalogSetupLock
{
    /// "SPKYSETP" as a bigint; a key of its own, apart from the writer lock's, and in the admin database.
    public const long Key = 0x53504B5953455450;

    /// Runs <paramref name="setup"/> while this session holds the set-up lock; waits for another run's set-up to finish.
    public static async Task RunAsync(NpgsqlConnection superuser, SqlFiles sql, Func<Task> setup, CancellationToken ct)
    {
        await ExecuteAsync(superuser, sql.Read("postgres/roles/setup_lock.sql"), ct);
        try
        {
            await setup();
        }
        finally
        {
            // Not the run's token: a cancelled set-up still gives the lock back before the connection returns to the pool
            // (a broken connection has lost its session, and the lock with it).
            if (superuser.FullState == System.Data.ConnectionState.Open)
                await ExecuteAsync(superuser, sql.Read("postgres/roles/setup_unlock.sql"), CancellationToken.None);
        }
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string statement, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(statement, connection);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteScalarAsync(ct);
    }
}
