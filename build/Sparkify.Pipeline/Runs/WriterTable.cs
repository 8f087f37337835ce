using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// The etl_writer row that names the writer lock's holder, and the clean-up a new holder does: other runs'
/// 'running' etl_runs rows become 'abandoned'. Each call uses its own short connection, so the row is committed
/// and visible to others while the lock's own session (on Redshift, a transaction) stays open.
/// </summary>
static class WriterTable
{
    /// <paramref name="sessionPid"/>: the backend pid of the session holding the lock.
    public static async Task ClaimAsync(WarehouseEndpoint warehouse, SqlFiles sql, WriterHolder me, int sessionPid, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        await ExecuteAsync(connection, sql.Read("runs/create_etl_writer.sql"), ct);
        await using (var column = new NpgsqlCommand(sql.Read("runs/etl_writer_session_column.sql"), connection))
            if (await column.ExecuteScalarAsync(ct) is null) await ExecuteAsync(connection, sql.Read("runs/add_etl_writer_session.sql"), ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await ExecuteAsync(connection, sql.Read("runs/clear_etl_writer.sql"), ct);
            await ExecuteAsync(connection, sql.Read("runs/insert_etl_writer.sql"), ct, ("run_id", me.RunId), ("holder", me.Process),
                ("target", me.Target), ("started_at", me.StartedAt), ("session_pid", sessionPid));
            await transaction.CommitAsync(ct);
        }
        if ((await Tables.ExistingAsync(connection, ct)).Contains("etl_runs"))
            await ExecuteAsync(connection, sql.Read("runs/mark_abandoned_runs.sql"), ct, ("run_id", me.RunId), ("now", Clock.Now()));
    }

    public static async Task EnterAsync(WarehouseEndpoint warehouse, SqlFiles sql, string runId, string target, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        await ExecuteAsync(connection, sql.Read("runs/enter_etl_writer.sql"), ct, ("run_id", runId), ("target", target));
    }

    /// The recorded holder while its session holds the lock; null when none is recorded or the recorded one has ended
    /// (the lock's new holder has not recorded itself yet).
    public static async Task<WriterHolder?> HolderAsync(WarehouseEndpoint warehouse, SqlFiles sql, Dialect dialect, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        var existing = await Tables.ExistingAsync(connection, ct);
        if (!existing.Contains("etl_writer") || !existing.Contains("etl_writer_lock")) return null;
        await using (var column = new NpgsqlCommand(sql.Read("runs/etl_writer_session_column.sql"), connection))
            if (await column.ExecuteScalarAsync(ct) is null) return null;
        await using var command = new NpgsqlCommand(sql.Read(dialect == Dialect.Postgres ? "postgres/runs/etl_writer_holder.sql" : "runs/redshift_etl_writer_holder.sql"), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new WriterHolder(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDateTime(3))
            : null;
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
