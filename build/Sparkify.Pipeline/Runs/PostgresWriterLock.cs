using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// PostgreSQL's writer lock: pg_try_advisory_lock on the run's own connection. Advisory locks belong to one
/// database, so the lock is per warehouse, and the session's end releases it (https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS).
sealed class PostgresWriterLock(NpgsqlConnection connection, WarehouseEndpoint warehouse, SqlFiles sql)
    : WriterLock(connection, warehouse, sql)
{
    /// "SPKYDWH1" as a bigint: the key every sparkify-dwh run uses for its warehouse's writer lock.
    public const long Key = 0x53504B5944574831;

    protected override async Task<bool> TryTakeAsync(CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql.Read("postgres/runs/try_writer_lock.sql"), Connection);
        command.Parameters.AddWithValue("key", Key);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
