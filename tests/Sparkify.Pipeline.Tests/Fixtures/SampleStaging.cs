using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// Test-only: puts the real Sparkify sample into staging_events and staging_songs with Npgsql binary COPY, so
/// Transform and Verify can be tested on real data without the pipeline's own loader (another stage's work).
/// It maps keys exactly as jsonpaths/log_json_path.json and JSON 'auto' do; nothing more.
/// </summary>
public static class SampleStaging
{
    static readonly (string Key, string Column, NpgsqlDbType Type)[] EventColumns =
    [
        ("artist", "artist", NpgsqlDbType.Varchar), ("auth", "auth", NpgsqlDbType.Varchar),
        ("firstName", "first_name", NpgsqlDbType.Varchar), ("gender", "gender", NpgsqlDbType.Varchar),
        ("itemInSession", "item_in_session", NpgsqlDbType.Integer), ("lastName", "last_name", NpgsqlDbType.Varchar),
        ("length", "length", NpgsqlDbType.Double), ("level", "level", NpgsqlDbType.Varchar),
        ("location", "location", NpgsqlDbType.Varchar), ("method", "method", NpgsqlDbType.Varchar),
        ("page", "page", NpgsqlDbType.Varchar), ("registration", "registration", NpgsqlDbType.Double),
        ("sessionId", "session_id", NpgsqlDbType.Integer), ("song", "song", NpgsqlDbType.Varchar),
        ("status", "status", NpgsqlDbType.Integer), ("ts", "ts", NpgsqlDbType.Bigint),
        ("userAgent", "user_agent", NpgsqlDbType.Varchar), ("userId", "user_id", NpgsqlDbType.Varchar),
    ];

    static readonly (string Key, string Column, NpgsqlDbType Type)[] SongColumns =
    [
        ("num_songs", "num_songs", NpgsqlDbType.Integer), ("artist_id", "artist_id", NpgsqlDbType.Varchar),
        ("artist_latitude", "artist_latitude", NpgsqlDbType.Double), ("artist_longitude", "artist_longitude", NpgsqlDbType.Double),
        ("artist_location", "artist_location", NpgsqlDbType.Varchar), ("artist_name", "artist_name", NpgsqlDbType.Varchar),
        ("song_id", "song_id", NpgsqlDbType.Varchar), ("title", "title", NpgsqlDbType.Varchar),
        ("duration", "duration", NpgsqlDbType.Double), ("year", "year", NpgsqlDbType.Integer),
    ];

    /// Loads every log line and every song file of the sample folder; returns (events, songs).
    public static async Task<(long Events, long Songs)> LoadAsync(WarehouseEndpoint db, string sampleFolder)
    {
        var logs = Directory.GetFiles(Path.Combine(sampleFolder, "log_data"), "*.json", SearchOption.AllDirectories).Order();
        var songs = Directory.GetFiles(Path.Combine(sampleFolder, "song_data"), "*.json", SearchOption.AllDirectories).Order();
        await using var connection = await db.OpenAsync(CancellationToken.None);
        var events = await CopyAsync(connection, "staging_events", EventColumns,
            logs.SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0));
        var songRows = await CopyAsync(connection, "staging_songs", SongColumns, songs.Select(File.ReadAllText));
        return (events, songRows);
    }

    static async Task<long> CopyAsync(NpgsqlConnection connection, string table,
        (string Key, string Column, NpgsqlDbType Type)[] columns, IEnumerable<string> objects)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"copy {table} ({string.Join(", ", columns.Select(c => c.Column))}) from stdin (format binary)");
        foreach (var json in objects)
        {
            using var document = JsonDocument.Parse(json);
            await writer.StartRowAsync();
            foreach (var (key, _, type) in columns)
            {
                if (!document.RootElement.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
                    await writer.WriteNullAsync();
                else
                    await WriteAsync(writer, value, type);
            }
        }
        return (long)await writer.CompleteAsync();
    }

    static Task WriteAsync(NpgsqlBinaryImporter writer, JsonElement value, NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Integer => writer.WriteAsync(value.GetInt32(), type),
        NpgsqlDbType.Bigint => writer.WriteAsync(value.GetInt64(), type),
        NpgsqlDbType.Double => writer.WriteAsync(value.GetDouble(), type),
        _ => writer.WriteAsync(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), type),
    };
}
