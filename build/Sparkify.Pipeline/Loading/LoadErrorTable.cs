using Npgsql;
using NpgsqlTypes;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Writes rejected records to load_errors (sql/postgres/create_load_errors.sql) on a connection and transaction
/// of their own, so they survive the rollback of the load they explain. Every text is made storable first (RawText):
/// a NUL or a lone surrogate must never make the record of a rejection fail.
/// </summary>
public static class LoadErrorTable
{
    public static async Task RecordAsync(WarehouseEndpoint warehouse, SqlFiles sql, string runId, IReadOnlyList<LoadError> errors, CancellationToken ct)
    {
        if (errors.Count == 0) return;
        await using var connection = await warehouse.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(sql.Read("postgres/create_load_errors.sql"), connection))
            await create.ExecuteNonQueryAsync(ct);
        var now = DateTime.SpecifyKind(DateTime.UtcNow, DateTimeKind.Unspecified);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "copy load_errors (run_id, tbl, starttime, filename, line_number, colname, type, col_length, raw_line, raw_field_value, err_code, err_reason) from stdin (format binary)", ct))
        {
            foreach (var e in errors)
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(runId, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(e.Table, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(now, NpgsqlDbType.Timestamp, ct);
                await importer.WriteAsync(Cut(RawText.Storable(e.File)), NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(e.Line, NpgsqlDbType.Bigint, ct);
                await WriteOrNull(importer, e.Column, ct);
                await WriteOrNull(importer, e.Type, ct);
                await WriteOrNull(importer, e.ColumnLength?.ToString(), ct);
                await importer.WriteAsync(LoadError.Truncate(RawText.Storable(e.RawLine)), NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(LoadError.Truncate(RawText.Storable(e.RawValue)), NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(e.Code, NpgsqlDbType.Integer, ct);
                var reason = RawText.Storable(e.Reason);
                await importer.WriteAsync(reason.Length <= 512 ? reason : reason[..512], NpgsqlDbType.Varchar, ct);
            }
            await importer.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    static async Task WriteOrNull(NpgsqlBinaryImporter importer, string? value, CancellationToken ct)
    {
        if (value is null) await importer.WriteNullAsync(ct);
        else await importer.WriteAsync(value, NpgsqlDbType.Varchar, ct);
    }

    static string Cut(string s) => LoadError.Truncate(s);
}
