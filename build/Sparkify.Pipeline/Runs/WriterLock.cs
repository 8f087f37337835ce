using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// One writer at a time per warehouse, held by the warehouse itself, so runs on two machines that share a cluster
/// exclude each other too: an open transaction holding a table lock on etl_writer_lock, which only the owner role may
/// take (the read-only role can neither take nor hold it). It ends with the holder's session, so a killed run never
/// leaves the lock taken. The holder is recorded in etl_writer, with its session, for the refusal message.
/// </summary>
public abstract class WriterLock : IAsyncDisposable
{
    /// How long a refused run waits between attempts under --wait.
    static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    protected WriterLock(NpgsqlConnection connection, WarehouseEndpoint warehouse, SqlFiles sql)
    {
        Connection = connection;
        Warehouse = warehouse;
        Sql = sql;
    }

    protected NpgsqlConnection Connection { get; }
    protected WarehouseEndpoint Warehouse { get; }
    protected SqlFiles Sql { get; }

    /// Takes the lock, or fails at once naming the holder; with <paramref name="wait"/> it waits for the holder instead.
    /// <paramref name="statements"/> picks the lock's SQL, the warehouse's dialect by default (tests run Redshift's on PostgreSQL).
    public static async Task<WriterLock> AcquireAsync(WarehouseEndpoint warehouse, SqlFiles sql, WriterHolder me, bool wait,
        PipelineLog log, CancellationToken ct, Dialect? statements = null)
    {
        var connection = await warehouse.OpenAsync(ct);
        var dialect = statements ?? warehouse.Dialect;
        WriterLock writer = dialect == Dialect.Redshift
            ? new RedshiftWriterLock(connection, warehouse, sql)
            : new PostgresWriterLock(connection, warehouse, sql);
        try
        {
            var announced = false;
            var asking = System.Diagnostics.Stopwatch.StartNew();
            while (!await writer.TryTakeAsync(ct))
            {
                var holder = await WriterTable.HolderAsync(warehouse, sql, dialect, ct);
                if (!wait)
                {
                    // Said at once: Cake prints the error only after the run's own teardown (its summary) is done.
                    log.Verbose($"writer lock refused after {asking.ElapsedMilliseconds} ms: {holder?.ToString() ?? "holder not recorded yet"} holds it");
                    throw new PipelineException(Refusal(warehouse, holder));
                }
                if (!announced) log.Information($"Waiting for the writer of {warehouse} to finish ({holder?.ToString() ?? "holder not recorded yet"}); Ctrl+C stops waiting");
                announced = true;
                await Task.Delay(RetryEvery, ct);
            }
            await WriterTable.ClaimAsync(warehouse, sql, me, connection.ProcessID, ct);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    /// The holder's row follows the target it is in, so a refused run can say what is going on.
    public Task EnterAsync(string runId, string target, CancellationToken ct) => WriterTable.EnterAsync(Warehouse, Sql, runId, target, ct);

    /// One attempt that never waits for the holder: true when this session now holds the lock.
    protected abstract Task<bool> TryTakeAsync(CancellationToken ct);

    /// The lock table, made by the first writer; two making it at once race in the catalog, and either one's table will do.
    protected async Task CreateLockTableAsync(CancellationToken ct)
    {
        try
        {
            await using var command = new NpgsqlCommand(Sql.Read("runs/redshift_create_writer_lock.sql"), Connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Made by the other writer a moment ago.
        }
    }

    static string Refusal(WarehouseEndpoint warehouse, WriterHolder? holder) =>
        $"another run is writing the warehouse {warehouse}: {holder?.ToString() ?? "its holder has not recorded itself yet (it took the lock a moment ago)"}. " +
        "Reads (Query, Report, Status) still work. Wait for it with --wait, or stop it " +
        $"({(holder is null ? "Ctrl+C or kill -TERM its pid" : "kill -TERM " + PidOf(holder))}: it rolls back and writes its summary), then run again";

    static string PidOf(WriterHolder holder) =>
        holder.Process.StartsWith("pid ", StringComparison.Ordinal) ? holder.Process[4..].Split(' ')[0] + $" on {holder.Process.Split(" on ").ElementAtOrDefault(1)?.Split(' ')[0]}" : "its pid";

    /// Ending the session releases the lock on both engines (an advisory lock, or the transaction's table lock).
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.DisposeAsync();
        }
        catch (NpgsqlException)
        {
            // The session had already ended (Teardown stopped the local server, or the server ended it): so had its lock.
        }
        GC.SuppressFinalize(this);
    }
}
