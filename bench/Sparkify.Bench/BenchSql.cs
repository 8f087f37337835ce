using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// The benchmark's statements, from sql/bench/, without their header comments (Npgsql's COPY API wants the COPY first).
public static class BenchSql
{
    public static string Read(SqlFiles sql, string name) =>
        string.Join('\n', sql.Read(Path.Combine("bench", name)).Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    /// Runs one sql/bench/ statement on a connection of its own and returns the rows it changed.
    public static async Task<int> ExecuteAsync(WarehouseEndpoint warehouse, SqlFiles sql, string name, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Read(sql, name), connection);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
