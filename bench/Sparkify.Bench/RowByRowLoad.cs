using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// <summary>
/// (c) The classic loader of the Postgres version of this exercise: parse each line, one parameterised insert per
/// row, each committed on its own (autocommit). The statement is prepared, which only flatters it. Above maxRows
/// rows it stops and reports the full count, and the harness extrapolates (it would take very long at scale 100).
/// </summary>
public sealed class RowByRowLoad(SqlFiles sql, long maxRows) : ILoadMethod
{
    static readonly (string Key, NpgsqlDbType Type)[] EventKeys =
    [
        ("artist", NpgsqlDbType.Varchar), ("auth", NpgsqlDbType.Varchar), ("firstName", NpgsqlDbType.Varchar),
        ("gender", NpgsqlDbType.Varchar), ("itemInSession", NpgsqlDbType.Integer), ("lastName", NpgsqlDbType.Varchar),
        ("length", NpgsqlDbType.Double), ("level", NpgsqlDbType.Varchar), ("location", NpgsqlDbType.Varchar),
        ("method", NpgsqlDbType.Varchar), ("page", NpgsqlDbType.Varchar), ("registration", NpgsqlDbType.Double),
        ("sessionId", NpgsqlDbType.Integer), ("song", NpgsqlDbType.Varchar), ("status", NpgsqlDbType.Integer),
        ("ts", NpgsqlDbType.Bigint), ("userAgent", NpgsqlDbType.Varchar), ("userId", NpgsqlDbType.Varchar),
    ];

    static readonly (string Key, NpgsqlDbType Type)[] SongKeys =
    [
        ("num_songs", NpgsqlDbType.Integer), ("artist_id", NpgsqlDbType.Varchar), ("artist_latitude", NpgsqlDbType.Double),
        ("artist_longitude", NpgsqlDbType.Double), ("artist_location", NpgsqlDbType.Varchar), ("artist_name", NpgsqlDbType.Varchar),
        ("song_id", NpgsqlDbType.Varchar), ("title", NpgsqlDbType.Varchar), ("duration", NpgsqlDbType.Double), ("year", NpgsqlDbType.Integer),
    ];

    public string Key => "c";
    public string Name => "row-by-row insert (autocommit)";

    public async Task<LoadOutcome> LoadAsync(WarehouseEndpoint warehouse, string sample, CancellationToken ct)
    {
        var files = SampleFiles.In(sample);
        await using var connection = await warehouse.OpenAsync(ct);
        long rows = 0;
        rows += await InsertAsync(connection, files.Songs, "insert_staging_songs_row.sql", SongKeys, maxRows, ct);
        rows += await InsertAsync(connection, files.Logs, "insert_staging_events_row.sql", EventKeys, maxRows - rows, ct);
        if (rows < maxRows) return new LoadOutcome();
        // Stopped early: count the lines it did not load, to extrapolate.
        long all = files.Songs.Count;
        foreach (var file in files.Logs) all += File.ReadLines(file).LongCount(l => l.Length > 0);
        return new LoadOutcome(all);
    }

    async Task<long> InsertAsync(NpgsqlConnection connection, IReadOnlyList<string> files, string statement,
        (string Key, NpgsqlDbType Type)[] keys, long budget, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(BenchSql.Read(sql, statement), connection);
        foreach (var (_, type) in keys) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
        await command.PrepareAsync(ct);
        long rows = 0;
        foreach (var file in files)
        foreach (var line in File.ReadLines(file))
        {
            if (rows >= budget) return rows;
            if (line.Length == 0) continue;
            using var document = JsonDocument.Parse(line);
            for (var i = 0; i < keys.Length; i++)
                command.Parameters[i].Value = Value(document.RootElement, keys[i].Key, keys[i].Type);
            await command.ExecuteNonQueryAsync(ct);
            rows++;
        }
        return rows;
    }

    static object Value(JsonElement row, string key, NpgsqlDbType type)
    {
        if (!row.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return DBNull.Value;
        return type switch
        {
            NpgsqlDbType.Integer => v.GetInt32(),
            NpgsqlDbType.Bigint => v.GetInt64(),
            NpgsqlDbType.Double => v.GetDouble(),
            // EMPTYASNULL, as dwh.cfg [LOAD] has it for the project's loader: every method lands the same values.
            _ => v.GetString() is { Length: > 0 } text ? text : DBNull.Value,
        };
    }
}
