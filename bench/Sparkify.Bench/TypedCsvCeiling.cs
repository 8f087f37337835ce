using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// (f) The ingest ceiling of issue 29: the same rows, already converted, as typed CSV, COPYed with FREEZE into both
/// staging tables truncated in the same transaction. Setup (untimed) loads the sample once with the project's loader
/// and exports both tables as CSV; the timed part streams those files' bytes unchanged, so the server does all the work.
/// </summary>
public sealed class TypedCsvCeiling(SqlFiles sql, ProjectLoaderLoad loader, string work) : ILoadMethod
{
    static readonly (string Export, string Copy, string File)[] Tables =
    [
        ("ceiling_export_events.sql", "ceiling_copy_events.sql", "staging_events.csv"),
        ("ceiling_export_songs.sql", "ceiling_copy_songs.sql", "staging_songs.csv"),
    ];

    string? _exported;
    string? _folder;

    public string Key => "f";
    public string Name => "typed CSV COPY FREEZE, same rows (the ceiling)";

    public async Task PrepareAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct)
    {
        if (_exported == sample) return;
        _folder = Path.Combine(work, "ceiling", Path.GetFileName(sample));
        Directory.CreateDirectory(_folder);
        await loader.LoadAsync(warehouse, sample, ct);
        await using var connection = await warehouse.OpenAsync(ct);
        foreach (var (export, _, file) in Tables)
        {
            await using var output = File.Create(Path.Combine(_folder, file));
            using var reader = await connection.BeginTextExportAsync(BenchSql.Read(sql, export), ct);
            await reader.BaseStream.CopyToAsync(output, ct);
        }
        await using (var truncate = new NpgsqlCommand(BenchSql.Read(sql, "truncate_staging.sql"), connection))
            await truncate.ExecuteNonQueryAsync(ct);
        _exported = sample;
    }

    public async Task<LoadOutcome> LoadAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct)
    {
        await using var connection = await warehouse.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var truncate = new NpgsqlCommand(BenchSql.Read(sql, "truncate_staging.sql"), connection))
            await truncate.ExecuteNonQueryAsync(ct);
        foreach (var (_, copy, file) in Tables)
        {
            await using var input = File.OpenRead(Path.Combine(_folder!, file));
            await using var writer = await connection.BeginTextImportAsync(BenchSql.Read(sql, copy), ct);
            // The file's bytes as they are: no decoding to characters and back on the client.
            await input.CopyToAsync(writer.BaseStream, 1 << 20, ct);
        }
        await transaction.CommitAsync(ct);
        var bytes = Tables.Sum(t => new FileInfo(Path.Combine(_folder!, t.File)).Length);
        return new LoadOutcome(Note: $"{bytes / 1e6:N0} MB of CSV", InputBytes: bytes);
    }
}
