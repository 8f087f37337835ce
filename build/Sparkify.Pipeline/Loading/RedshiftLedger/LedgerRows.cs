using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// Reads what the Redshift load needs of load_ledger: one table's rows, and the last id given out.
public static class LedgerRows
{
    public static async Task<IReadOnlyList<LedgerRow>> ReadAsync(NpgsqlConnection connection, SqlFiles sql, string table, CancellationToken ct)
    {
        var rows = new List<LedgerRow>();
        await using var command = LedgerSql.Command(connection, sql.Read(LedgerSql.Folder + "read_ledger.sql"), ("table_name", table));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new LedgerRow(reader.GetString(0).Trim(), reader.GetString(1).Trim(), reader.GetString(2).Trim(), reader.GetInt64(3),
                reader.GetString(4).Trim(), reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6), Day(reader, 7), Day(reader, 8)));
        return rows;
    }

    public static async Task<long> LastIdAsync(NpgsqlConnection connection, SqlFiles sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql.Read(LedgerSql.Folder + "last_object_id.sql"), connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    static DateOnly? Day(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : DateOnly.FromDateTime(reader.GetDateTime(i));
}
