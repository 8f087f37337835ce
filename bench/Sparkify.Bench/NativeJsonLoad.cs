using System.Text;
using Npgsql;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// (b) The PostgreSQL-native path: every file's raw lines COPYed into the one-column jsonb table bench_raw, then one
/// insert … select with JSON operators and casts per staging table (sql/bench/). Each table in one transaction.
/// </summary>
public sealed class NativeJsonLoad(SqlFiles sql) : ILoadMethod
{
    public string Key => "b";
    public string Name => "PostgreSQL native (COPY raw lines, insert…select)";

    public async Task<LoadOutcome> LoadAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct)
    {
        var files = SampleFiles.In(sample);
        await using var connection = await warehouse.OpenAsync(ct);
        await ExecuteAsync(connection, "create_bench_raw.sql", ct);
        await LoadTableAsync(connection, files.Logs, "insert_staging_events_from_raw.sql", ct);
        await LoadTableAsync(connection, files.Songs, "insert_staging_songs_from_raw.sql", ct);
        return new LoadOutcome();
    }

    async Task LoadTableAsync(NpgsqlConnection connection, IReadOnlyList<string> files, string insert, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var writer = await connection.BeginTextImportAsync(BenchSql.Read(sql, "copy_bench_raw.sql"), ct))
        {
            var buffer = new char[1 << 16];
            foreach (var file in files)
            {
                using var reader = new StreamReader(file, Encoding.UTF8);
                int read;
                while ((read = await reader.ReadAsync(buffer, ct)) > 0) await writer.WriteAsync(buffer.AsMemory(0, read), ct);
                // The files end without a newline; COPY needs one between the last line of a file and the next file.
                await writer.WriteAsync("\n");
            }
        }
        await ExecuteAsync(connection, insert, ct);
        await ExecuteAsync(connection, "truncate_bench_raw.sql", ct);
        await transaction.CommitAsync(ct);
    }

    async Task ExecuteAsync(NpgsqlConnection connection, string file, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(BenchSql.Read(sql, file), connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
