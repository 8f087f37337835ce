using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// PostgreSQL's writer lock: LOCK etl_writer_lock IN EXCLUSIVE MODE NOWAIT in a transaction that stays open for the run.
/// A table lock above ACCESS SHARE needs UPDATE, DELETE or TRUNCATE on the table, which only the owner role has, so the
/// read-only role can neither take nor hold it; an advisory lock (the lock before issue 24) any role could take
/// (https://www.postgresql.org/docs/15/sql-lock.html). The transaction ends with the session, even a killed one.
/// </summary>
sealed class PostgresWriterLock(NpgsqlConnection connection, WarehouseEndpoint warehouse, SqlFiles sql)
    : WriterLock(connection, warehouse, sql)
{
    protected override async Task<bool> TryTakeAsync(CancellationToken ct)
    {
        await CreateLockTableAsync(ct);
        var transaction = await Connection.BeginTransactionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(Sql.Read("postgres/runs/try_writer_lock.sql"), Connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
            // The transaction stays open until the run ends: disposing the connection rolls it back and unlocks.
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }
}
