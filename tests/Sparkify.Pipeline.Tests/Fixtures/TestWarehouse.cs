using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Sparkify.Pipeline.Quality;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// A fresh database with the pipeline's tables, hand-made staging rows, and Transform/Verify run on it as the targets do.
public sealed class TestWarehouse
{
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);

    TestWarehouse(WarehouseEndpoint db) => Db = db;

    public WarehouseEndpoint Db { get; }

    public static async Task<TestWarehouse> CreateAsync()
    {
        var db = await PostgresFixture.NewDatabaseAsync("tx");
        await CreateTables.RunAsync(db, Sql, recreate: false, CancellationToken.None);
        return new TestWarehouse(db);
    }

    public Task<TransformResult> TransformAsync(DateWindow? window = null, string runId = "test-run", bool skipUpToDate = false) =>
        RecordedAsync("Transform", window, runId,
            () => global::Sparkify.Pipeline.Targets.Transform.RunAsync(Db, Sql, window, runId, CancellationToken.None, skipUpToDate),
            r => ("succeeded", r.Changes.ToJson(), r.Detail));

    public Task<QualityReport> VerifyAsync(DateWindow? window = null, string runId = "test-run", string? failedFolder = null) =>
        RecordedAsync("Verify", window, runId, () => Verify.RunAsync(Db, Sql, window, CancellationToken.None, failedFolder),
            r => (r.Failures.Any() ? "failed" : "succeeded", r.Counts(), r.Detail));

    /// The target's work between its 'running' row and its outcome in etl_runs, as the run's lifecycle records them.
    async Task<T> RecordedAsync<T>(string target, DateWindow? window, string runId, Func<Task<T>> work,
        Func<T, (string Status, JsonNode Counts, string Detail)> outcome)
    {
        await using var connection = await Db.OpenAsync(CancellationToken.None);
        var etlRuns = new EtlRuns(connection, Sql, runId, target, window);
        await etlRuns.StartAsync(CancellationToken.None);
        T result;
        try
        {
            result = await work();
        }
        catch (Exception e)
        {
            await etlRuns.OutcomeAsync("failed", Clock.Now(), null, e.Message, CancellationToken.None);
            throw;
        }
        var (status, counts, detail) = outcome(result);
        await etlRuns.OutcomeAsync(status, Clock.Now(), counts, detail, CancellationToken.None);
        return result;
    }

    public async Task StageAsync(params StagedEvent[] events)
    {
        await using var connection = await Db.OpenAsync(CancellationToken.None);
        foreach (var e in events)
            await ExecuteAsync(connection, """
                insert into staging_events (artist, auth, first_name, gender, item_in_session, last_name, length, level, location,
                    method, page, session_id, song, status, ts, user_agent, user_id)
                values (@artist, @auth, @first, @gender, @item, @last, @length, @level, @location, 'PUT', @page, @session, @song,
                    200, @ts, @agent, @user)
                """, ("artist", e.Artist), ("auth", e.Auth), ("first", e.FirstName), ("gender", e.Gender), ("item", e.ItemInSession),
                ("last", e.LastName), ("length", e.Length), ("level", e.Level), ("location", e.Location), ("page", e.Page),
                ("session", e.SessionId), ("song", e.Song), ("ts", e.Ts), ("agent", e.UserAgent), ("user", e.UserId));
    }

    public async Task StageAsync(params StagedSong[] songs)
    {
        await using var connection = await Db.OpenAsync(CancellationToken.None);
        foreach (var s in songs)
            await ExecuteAsync(connection, """
                insert into staging_songs (num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name,
                    song_id, title, duration, year)
                values (1, @artist_id, @lat, @lon, @location, @name, @song_id, @title, @duration, @year)
                """, ("artist_id", s.ArtistId), ("lat", s.Latitude), ("lon", s.Longitude), ("location", s.Location),
                ("name", s.ArtistName), ("song_id", s.SongId), ("title", s.Title), ("duration", s.Duration), ("year", s.Year));
    }

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await Db.OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, sql, parameters);
    }

    /// Every row of a query as "v1|v2|…" (NULL as "null", timestamps with milliseconds), in the query's order.
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = await Db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
            {
                DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            })));
        return rows;
    }

    public async Task<long> CountAsync(string table) => long.Parse((await RowsAsync($"select count(*) from {table}"))[0]);

    /// Row counts of the five star-schema tables, for "nothing changed" comparisons.
    public async Task<Dictionary<string, long>> StarCountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "songplays", "users", "songs", "artists", "time" }) counts[table] = await CountAsync(table);
        return counts;
    }

    /// The full contents of the five star-schema tables, songplay_id included, ordered by key.
    public async Task<List<string>> SnapshotAsync() =>
    [
        .. await RowsAsync("select * from songplays order by songplay_id"),
        .. await RowsAsync("select * from users order by user_id"),
        .. await RowsAsync("select * from songs order by song_id"),
        .. await RowsAsync("select * from artists order by artist_id"),
        .. await RowsAsync("select * from time order by start_time"),
    ];

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }
}
