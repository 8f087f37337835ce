using Npgsql;
using NpgsqlTypes;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.Ledger;

/// <summary>
/// The load_ledger of one table on PostgreSQL (sql/postgres/ledger/): read in one query, written in the load's own
/// transaction (a binary COPY of the new entries), and a 'failed' entry recorded after a load rolled back.
/// </summary>
public static class LoadLedger
{
    /// True when the warehouse has the ledger and the table carries object_id (CreateTables' staging tables).
    public static async Task<bool> ReadyAsync(NpgsqlConnection connection, SqlFiles sql, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql.Read("postgres/ledger/ledger_ready.sql"), connection);
        command.Parameters.AddWithValue("table", table);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    /// The table's entries by key, and the highest object id of the whole ledger.
    public static async Task<(Dictionary<string, LedgerEntry> Entries, long MaxId)> ReadAsync(NpgsqlConnection connection, SqlFiles sql,
        string table, CancellationToken ct)
    {
        var entries = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        long maxId = 0;
        await using var command = new NpgsqlCommand(sql.Read("postgres/ledger/ledger_of_table.sql"), connection);
        command.Parameters.AddWithValue("table", table);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // One string per key, and the status as its constant: a ledger of 21,300 songs is read on every load.
            var key = reader.GetString(0);
            var status = reader.GetString(4) switch { LedgerEntry.Loaded => LedgerEntry.Loaded, LedgerEntry.Failed => LedgerEntry.Failed, var other => other };
            entries[key] = new LedgerEntry(key, reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), status, Day(reader, 5), Day(reader, 6));
            maxId = reader.GetInt64(7);
        }
        return (entries, maxId);
    }

    /// Deletes the rows of the objects `ids` from the table (changed and removed objects).
    public static async Task DeleteRowsAsync(NpgsqlConnection connection, SqlFiles sql, string table, long[] ids, CancellationToken ct)
    {
        if (ids.Length == 0) return;
        await using var command = new NpgsqlCommand(sql.Read("postgres/ledger/delete_object_rows.sql").Replace("{table}", Quote(table)), connection);
        command.Parameters.AddWithValue("ids", ids);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// Rows written per object id, with the UTC days of their ts for staging_events, counted by the server (when the
    /// client could not count them while writing, ClientLedger); all: the
    /// table holds only this load's rows (it was replaced).
    public static async Task<Dictionary<long, ObjectRows>> RowsAsync(NpgsqlConnection connection, SqlFiles sql, string table, long[] ids,
        bool all, CancellationToken ct)
    {
        var rows = new Dictionary<long, ObjectRows>();
        if (ids.Length == 0) return rows;
        var file = table == ObjectRows.DaysTable ? "postgres/ledger/object_rows_days.sql" : "postgres/ledger/object_rows.sql";
        await using var command = new NpgsqlCommand(sql.Read(file).Replace("{table}", Quote(table)), connection);
        command.Parameters.AddWithValue("ids", all ? Array.Empty<long>() : ids);
        command.Parameters.AddWithValue("whole_table", all);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows[reader.GetInt64(0)] = new ObjectRows(reader.GetInt64(1), Day(reader, 2), Day(reader, 3));
        return rows;
    }

    /// Replaces the ledger entries this load changed: forgets the table (a replace) or the keys it reloaded or
    /// removed, then writes one 'loaded' entry per object it read, in one binary COPY.
    public static async Task WriteAsync(NpgsqlConnection connection, SqlFiles sql, LedgerWrite write, CancellationToken ct)
    {
        var plan = write.Plan;
        await using (var forget = new NpgsqlCommand(sql.Read(plan.Replace ? "postgres/ledger/ledger_forget_table.sql" : "postgres/ledger/ledger_forget.sql"), connection))
        {
            forget.Parameters.AddWithValue("table", write.Table);
            if (!plan.Replace) forget.Parameters.AddWithValue("keys", plan.ToLoad.Select(o => o.Source.Key).Concat(plan.Removed.Select(e => e.Key)).ToArray());
            await forget.ExecuteNonQueryAsync(ct);
        }
        if (plan.ToLoad.Count == 0) return;
        await using var copy = await connection.BeginBinaryImportAsync(LoadLedger.CopyText(sql.Read("postgres/ledger/ledger_copy.sql")), ct);
        foreach (var o in plan.ToLoad)
        {
            var rows = write.Rows.GetValueOrDefault(o.ObjectId) ?? ObjectRows.None;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(write.Table, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(Cut(write.Source, 1024), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(o.Source.Key, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(o.ObjectId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(ContentId(o.Source), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(o.Source.Size, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(LedgerEntry.Loaded, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(write.RunId, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(rows.Count, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync((long)write.Rejected.GetValueOrDefault(o.Source.Name), NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(write.LoadedAt, NpgsqlDbType.Timestamp, ct);
            await WriteDay(copy, rows.DayFrom, ct);
            await WriteDay(copy, rows.DayTo, ct);
            await copy.WriteAsync(o.ObjectId, NpgsqlDbType.Bigint, ct);
        }
        await copy.CompleteAsync(ct);
    }

    /// After a load rolled back: the object that failed it gets a 'failed' entry, so the next run reads it again.
    /// It keeps the object id of the rows staging still holds for its key (none for a new key).
    public static async Task RecordFailedAsync(WarehouseEndpoint warehouse, SqlFiles sql, string table, string source, string runId,
        PlannedObject failed, int rejected, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql.Read("postgres/ledger/ledger_failed.sql"), connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("source", Cut(source, 1024));
        command.Parameters.AddWithValue("object_key", failed.Source.Key);
        command.Parameters.AddWithValue("object_id", failed.Old?.ObjectId ?? failed.ObjectId);
        command.Parameters.AddWithValue("content_id", ContentId(failed.Source));
        command.Parameters.AddWithValue("size_bytes", failed.Source.Size);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("rejected", (long)rejected);
        command.Parameters.AddWithValue("loaded_at", DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// The ETag the listing gave (S3), or empty when the store has none: such an entry never matches, so reloads.
    static string ContentId(Sources.SourceObject o) => Cut(o.Store.ETagOf(o.Key) ?? "", 128);

    static async Task WriteDay(NpgsqlBinaryImporter copy, DateOnly? day, CancellationToken ct)
    {
        if (day is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
        else await copy.WriteNullAsync(ct);
    }

    static DateOnly? Day(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateOnly>(column);

    /// A COPY … FROM STDIN file without its header comment: Npgsql's importer wants the text to start with COPY.
    public static string CopyText(string file) =>
        string.Join("\n", file.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
