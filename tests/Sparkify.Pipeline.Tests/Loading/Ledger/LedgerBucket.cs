using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Loading.Ledger;

/// <summary>
/// A small bucket in the public layout on the shared moto (event logs per day, song files, the JSONPaths file) and
/// what the ledger tests do with it: load both staging tables as StageCopy does (up-to-date check on), and load the
/// same bucket into a fresh warehouse to compare with.
/// </summary>
sealed class LedgerBucket(MotoBucket bucket)
{
    public MotoBucket Bucket { get; } = bucket;

    public static async Task<LedgerBucket> CreateAsync(int days = 3, int songs = 3)
    {
        var bucket = new LedgerBucket(await MotoBucket.CreateAsync());
        await bucket.Bucket.PutAsync("log_json_path.json", JsonPaths);
        for (var day = 1; day <= days; day++) await bucket.PutDayAsync(day, 2);
        for (var n = 1; n <= songs; n++) await bucket.Bucket.PutAsync(SongKey(n), Song(n));
        return bucket;
    }

    public static string DayKey(int day) => $"log_data/2018/11/2018-11-{day:00}-events.json";

    public static string SongKey(int n) => $"song_data/A/B/SO{n}.json";

    /// `count` events on 2018-11-DAY, one per line; `user` changes a value without changing the size.
    public Task PutDayAsync(int day, int count, string user = "7", int onDay = 0) =>
        Bucket.PutAsync(DayKey(day), string.Join("\n", Enumerable.Range(1, count).Select(n => Event(n, onDay == 0 ? day : onDay, user))));

    public static string Song(int n, string title = "Song") =>
        $$"""{"num_songs": 1, "artist_id": "AR{{n}}", "artist_latitude": null, "artist_longitude": null, "artist_location": "", "artist_name": "Artist {{n}}", "song_id": "SO{{n}}", "title": "{{title}} {{n}}", "duration": {{100 + n}}.5, "year": 2000}""";

    public static string Event(int n, int day, string user = "7") =>
        $$"""{"artist": "Artist {{n}}", "auth": "Logged In", "firstName": "Ann", "gender": "F", "itemInSession": {{n}}, "lastName": "Lee", "length": 100.5, "level": "free", "location": "Here", "method": "PUT", "page": "NextSong", "registration": 1540919166796.0, "sessionId": {{day}}, "song": "Song {{n}}", "status": 200, "ts": {{1541030400000L + (day - 1) * 86400000L + n * 1000}}, "userAgent": "agent", "userId": "{{user}}"}""";

    const string JsonPaths = """{"jsonpaths": ["$['artist']", "$['auth']", "$['firstName']", "$['gender']", "$['itemInSession']", "$['lastName']", "$['length']", "$['level']", "$['location']", "$['method']", "$['page']", "$['registration']", "$['sessionId']", "$['song']", "$['status']", "$['ts']", "$['userAgent']", "$['userId']"]}""";

    /// Both staging loads, as StageCopy runs them (skipping what is up to date), under the run id given.
    public async Task<(LoadResult Events, LoadResult Songs)> LoadAsync(WarehouseEndpoint db, string runId, DateWindow? window = null,
        int maxError = 0, bool force = false)
    {
        var copies = StagingCopies.Under($"s3://{Bucket.Name}", Options() with { Region = MotoBucket.Region, MaxError = maxError }, window);
        var context = Context(Bucket.Aws) with { RunId = runId, SkipUpToDate = !force };
        var events = await ClientCopy.RunAsync(db, copies[0], context, CancellationToken.None);
        var songs = await ClientCopy.RunAsync(db, copies[1], context, CancellationToken.None);
        return (events, songs);
    }

    /// Both staging tables as a multiset of rows without object_id: the count and an md5 of the sorted rows.
    public static async Task<string> StagingAsync(WarehouseEndpoint db)
    {
        var sums = new List<string>();
        foreach (var table in new[] { "staging_events", "staging_songs" })
        {
            var row = (await RowsAsync(db,
                $"select count(*), md5(coalesce(string_agg(r, '|' order by r), '')) from (select (to_jsonb(t) - 'object_id')::text as r from {table} t) s"))[0];
            sums.Add($"{table}: {row[0]} rows, md5 {row[1]}");
        }
        return string.Join("; ", sums);
    }

    /// The staging tables a fresh warehouse gets from the same objects.
    public async Task<string> FreshStagingAsync()
    {
        var fresh = await WithStagingTablesAsync();
        await LoadAsync(fresh, NewRunId());
        return await StagingAsync(fresh);
    }

    /// Rows whose object the ledger does not know, and the difference between the ledger's row counts and the table's:
    /// both 0 when staging and the ledger agree.
    public static async Task<(long Unknown, long Miscounted)> LedgerAgreementAsync(WarehouseEndpoint db, string table) =>
        (Convert.ToInt64(await ScalarAsync(db,
            $"select count(*) from {table} t where t.object_id is null or not exists (select 1 from load_ledger l where l.table_name = '{table}' and l.object_id = t.object_id)")),
         Convert.ToInt64(await ScalarAsync(db,
            $"select (select count(*) from {table}) - coalesce((select sum(rows_loaded) from load_ledger where table_name = '{table}' and status = 'loaded'), 0)")));
}
