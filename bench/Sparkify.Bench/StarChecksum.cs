using Npgsql;
using Sparkify.Pipeline;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// What the five star tables hold, as row counts and an md5 of each table's ordered rows (sql/bench/star_checksum.sql,
/// songplay_id left out). Two warehouses that hold the same rows have equal checksums.
/// </summary>
public sealed record StarChecksum(IReadOnlyList<StarChecksum.Table> Tables)
{
    public sealed record Table(string Name, long Rows, string Md5);

    public long Songplays => Tables.First(t => t.Name == "songplays").Rows;

    public static async Task<StarChecksum> ReadAsync(WarehouseEndpoint warehouse, SqlFiles sql, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        await using var command = new NpgsqlCommand(BenchSql.Read(sql, "star_checksum.sql"), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tables = new List<Table>();
        while (await reader.ReadAsync(ct)) tables.Add(new Table(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        // By name: a union all has no order of its own (a parallel append returns its branches as they finish).
        return new StarChecksum(tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Fails loudly when this warehouse differs from the fresh build of the same staged data: a case that measured a
    /// wrong result must not print a figure.
    /// </summary>
    public void RequireEqual(StarChecksum fresh, string benchCase)
    {
        var differences = Tables.Zip(fresh.Tables)
            .Where(p => p.First != p.Second)
            .Select(p => $"{p.First.Name} has {p.First.Rows:N0} rows (md5 {p.First.Md5[..Math.Min(8, p.First.Md5.Length)]}), " +
                         $"a fresh build {p.Second.Rows:N0} (md5 {p.Second.Md5[..Math.Min(8, p.Second.Md5.Length)]})")
            .ToList();
        if (Tables.Count != fresh.Tables.Count) differences.Add($"{Tables.Count} tables checked against {fresh.Tables.Count}");
        if (differences.Count > 0)
            throw new PipelineException($"bench case {benchCase}: the star tables differ from a fresh build of the same staged data: " +
                                        string.Join("; ", differences) + ". The Transform left a wrong warehouse, so its time is not " +
                                        "reported; see docs/reruns.md for what a run must leave, and fix sql/transform/");
    }
}
