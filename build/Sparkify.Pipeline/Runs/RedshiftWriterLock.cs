using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// Redshift's writer lock (it has no advisory locks): LOCK etl_writer_lock inside a transaction that stays open for
/// the run. LOCK waits for the holder, so statement_timeout turns the wait into a refusal after a second
/// (Redshift Developer Guide, LOCK and statement_timeout). The same SQL runs on PostgreSQL, where the tests pin it.
/// </summary>
public sealed class RedshiftWriterLock(NpgsqlConnection connection, WarehouseEndpoint warehouse, SqlFiles sql)
    : WriterLock(connection, warehouse, sql)
{
    /// The files, in order: create the lock table (idempotent), bound the wait, (begin) lock, lift the bound.
    public static readonly IReadOnlyList<string> Files =
    [
        "runs/redshift_create_writer_lock.sql", "runs/redshift_writer_lock_timeout.sql", "runs/redshift_writer_lock.sql",
        "runs/redshift_writer_lock_no_timeout.sql",
    ];

    protected override async Task<bool> TryTakeAsync(CancellationToken ct)
    {
        await CreateLockTableAsync(ct);
        await ExecuteAsync(Files[1], ct);
        var transaction = await Connection.BeginTransactionAsync(ct);
        try
        {
            await ExecuteAsync(Files[2], ct);
            await ExecuteAsync(Files[3], ct);
            // The transaction stays open until the run ends: disposing the connection rolls it back and unlocks.
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }

    async Task ExecuteAsync(string file, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql.Read(file), Connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
