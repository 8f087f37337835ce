using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Loading.RedshiftLedger;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Loading.RedshiftLedger;

/// <summary>
/// A stand-in for the one thing that cannot run here, Redshift's COPY from S3, on a real PostgreSQL holding the
/// pipeline's tables: a bucket of objects (key -> ETag and rows), and a COPY that reads the statement it receives,
/// loads every object whose key starts with its FROM (COPY's prefix rule) into the table it names, and logs the files
/// in SYS_LOAD_DETAIL on a connection of its own. An object whose row is "bad" fails the COPY with a load error.
/// Songs' rows are song_ids (title = key); events' rows are ts in epoch milliseconds (song = key).
/// </summary>
public sealed partial class RedshiftStandIn
{
    public const string Bucket = "sparkify-test";

    RedshiftStandIn(WarehouseEndpoint db) => Db = db;

    public WarehouseEndpoint Db { get; }

    public SortedDictionary<string, (string ETag, string[] Rows)> Objects { get; } = new(StringComparer.Ordinal);

    /// Every COPY statement received, in order.
    public List<string> Copies { get; } = [];

    public static async Task<RedshiftStandIn> CreateAsync()
    {
        var db = await PostgresFixture.NewDatabaseAsync("rsledger");
        var sql = SqlFiles.In(Repo.Root);
        await CreateTables.RunAsync(db, sql, recreate: false, CancellationToken.None);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await RedshiftSysViews.CreateAsync(connection, Here("redshift_copy_standin.sql"));
        return new RedshiftStandIn(db);
    }

    public static string Here(string file) => Path.Combine(Repo.Root, "tests", "Sparkify.Pipeline.Tests", "Loading", "RedshiftLedger", file);

    /// Puts an object; its ETag is the MD5 of its rows, as S3's is of a single-part object's bytes.
    public void Put(string key, params string[] rows) =>
        Objects[key] = ("\"" + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows)))) + "\"", rows);

    /// The listing a run takes: keys under the prefix, their sizes and ETags.
    public IReadOnlyList<ListedFile> List(string prefix) => Objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal))
        .Select(o => new ListedFile(o.Key, string.Join("\n", o.Value.Rows).Length, o.Value.ETag)).ToList();

    public async Task CopyAsync(NpgsqlConnection connection, string statement, CopyUnit unit, CancellationToken ct)
    {
        Copies.Add(statement);
        var lines = statement.Split('\n');
        var table = CopyInto().Match(lines[0]).Groups[1].Value;
        var from = From().Match(lines[1]);
        Assert.That(from.Success && from.Groups[1].Value == Bucket, Is.True, $"COPY reads s3://{Bucket}/…: {lines[1]}");
        var files = Objects.Where(o => o.Key.StartsWith(from.Groups[2].Value, StringComparison.Ordinal)).ToList();
        await using var log = await Db.OpenAsync(ct);
        var query = Convert.ToInt32(await new NpgsqlCommand("select coalesce(max(query_id), 0) + 1 from standin_copies", log).ExecuteScalarAsync(ct));
        await Exec(log, "insert into standin_copies values (@q)", ("q", query));
        var failed = false;
        foreach (var (key, (_, rows)) in files)
        {
            var name = $"s3://{Bucket}/{key}";
            await Exec(log, "insert into sys_load_detail (query_id, file_name, lines_scanned) values (@q, @f, @n)", ("q", query), ("f", name), ("n", (long)rows.Length));
            foreach (var row in rows)
                if (row == "bad")
                {
                    failed = true;
                    await Exec(log, "insert into sys_load_error_detail (query_id, file_name, line_number, column_name, error_code, error_message) " +
                                    "values (@q, @f, 1, 'ts', 1207, 'Invalid digit')", ("q", query), ("f", name));
                }
                else if (table == "load_staging_songs")
                    await Exec(connection, "insert into load_staging_songs (song_id, title) values (@r, @k)", ("r", row), ("k", key));
                else
                    await Exec(connection, "insert into load_staging_events (ts, song, page) values (@r, @k, 'NextSong')", ("r", long.Parse(row)), ("k", key));
        }
        if (failed) await Exec(connection, "select cast('Load into table failed' as integer)");
    }

    static async Task Exec(NpgsqlConnection connection, string text, params (string, object)[] parameters)
    {
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"^copy (\w+) \(")]
    private static partial Regex CopyInto();

    [GeneratedRegex(@"^from 's3://([^/]+)/(.*)'$")]
    private static partial Regex From();
}
