using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// One connection to the warehouse holding one transaction that is never committed, so whatever runs in it
/// changes nothing. PostgreSQL: a read-only, repeatable-read transaction, so a write is refused (SQLSTATE 25006)
/// and every query sees the same snapshot; the session default is read-only too, so statements after a COMMIT
/// typed into the SQL stay read-only. Redshift: a plain transaction of selects, rolled back at the end.
/// </summary>
public sealed class ReadOnlySession : IAsyncDisposable
{
    const string PostgresBegin =
        "set session characteristics as transaction read only; begin transaction isolation level repeatable read read only";

    readonly NpgsqlConnection _connection;

    ReadOnlySession(NpgsqlConnection connection, WarehouseEndpoint warehouse)
    {
        _connection = connection;
        Warehouse = warehouse;
    }

    public WarehouseEndpoint Warehouse { get; }

    /// Opens the session; with <paramref name="snapshot"/> (PostgreSQL, from <see cref="ExportSnapshotAsync"/>) it sees
    /// exactly what the exporting session sees, so queries spread over several sessions still agree with each other.
    /// <paramref name="setup"/>: the session's settings, sent before its transaction begins (sql/postgres/one_backend_session.sql).
    public static async Task<ReadOnlySession> OpenAsync(WarehouseEndpoint warehouse, CancellationToken ct, string? snapshot = null,
        string? setup = null)
    {
        var connection = await warehouse.OpenAsync(ct);
        try
        {
            if (setup is not null)
            {
                await using var settings = new NpgsqlCommand(setup, connection);
                await settings.ExecuteNonQueryAsync(ct);
            }
            await using var begin = new NpgsqlCommand(BeginSql(warehouse.Dialect), connection);
            await begin.ExecuteNonQueryAsync(ct);
            if (snapshot is not null)
            {
                // "SET TRANSACTION SNAPSHOT" must come before the transaction's first query; it takes a literal.
                await using var set = new NpgsqlCommand($"set transaction snapshot '{snapshot.Replace("'", "''")}'", connection);
                await set.ExecuteNonQueryAsync(ct);
            }
            return new ReadOnlySession(connection, warehouse);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// What opens the session: Redshift takes no read-only transaction, so there the rollback alone keeps nothing.
    public static string BeginSql(Dialect dialect) => dialect == Dialect.Postgres ? PostgresBegin : "begin";

    /// Runs the SQL (one statement or several) and reads every result set, at most <paramref name="maxRows"/> rows each.
    /// A database error becomes a <see cref="PipelineException"/> with PostgreSQL's message and position, naming <paramref name="source"/>.
    public async Task<IReadOnlyList<QueryResult>> RunAsync(string sql, string source, CancellationToken ct, int maxRows = int.MaxValue)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, _connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var results = new List<QueryResult>();
            do results.Add(await ReadAsync(reader, maxRows, ct));
            while (await reader.NextResultAsync(ct));
            return results;
        }
        catch (PostgresException e)
        {
            throw new PipelineException(SqlError.Describe(e, sql, source), e);
        }
    }

    static async Task<QueryResult> ReadAsync(NpgsqlDataReader reader, int maxRows, CancellationToken ct)
    {
        if (reader.FieldCount == 0) return new QueryResult([], [], []) { RecordsAffected = reader.RecordsAffected };
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var numeric = Enumerable.Range(0, reader.FieldCount).Select(i => CellText.IsNumber(reader.GetFieldType(i))).ToList();
        var rows = new List<object?[]>();
        var truncated = false;
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count == maxRows) { truncated = true; break; }
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }
        return new QueryResult(columns, numeric, rows) { Truncated = truncated };
    }

    /// PostgreSQL only: names this session's snapshot for <see cref="OpenAsync"/> of other sessions (pg_export_snapshot;
    /// valid while this transaction is open). Call it before any other query of the session.
    public async Task<string> ExportSnapshotAsync(CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select pg_export_snapshot()", _connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    /// Row counts of the seven tables in this session's snapshot; null for a table that does not exist.
    public Task<IReadOnlyDictionary<string, long?>> CountRowsAsync(CancellationToken ct) => Tables.CountRowsAsync(_connection, ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Rolling back is the point: nothing typed into a query may stay.
            await using var rollback = new NpgsqlCommand("rollback", _connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is broken; closing it ends the transaction on the server all the same.
        }
        await _connection.DisposeAsync();
    }
}
