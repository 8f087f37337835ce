using System.Collections;
using Npgsql;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Loading.RedshiftLedger;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Loading.RedshiftLedger;

/// Runs the Redshift ledger load against a <see cref="RedshiftStandIn"/> and reads back what it left.
static class LedgerLoadKit
{
    public const string Role = PinnedCopy.Role;
    static readonly SqlFiles Sql = SqlFiles.In(Repo.Root);
    static int _runs;

    /// staging_songs from s3://sparkify-test/song_data, staging_events from …/log_data, with the repository's [LOAD] options.
    public static CopyCommand Copy(string table, DateWindow? window = null)
    {
        var config = DwhConfig.FromFile(Path.Combine(Repo.Root, "dwh.cfg"), new Hashtable(), []);
        var root = $"s3://{RedshiftStandIn.Bucket}";
        var copies = StagingCopies.For($"{root}/log_data", $"{root}/log_json_path.json", $"{root}/song_data", CopyOptions.FromConfig(config), window);
        return copies.Single(c => c.Table == table);
    }

    public static async Task<(LoadResult Result, ReloadPlan Plan, IReadOnlyList<string> Copies)> LoadAsync(RedshiftStandIn s3, string table = "staging_songs",
        DateWindow? window = null, IReadOnlyList<ListedFile>? listing = null, Func<LedgerLoadContext, LedgerLoadContext>? adjust = null)
    {
        var copy = Copy(table, window);
        var sent = s3.Copies.Count;
        var context = new LedgerLoadContext(s3.Db, Sql, Role, new PipelineLog(TextWriter.Null), $"run-{Interlocked.Increment(ref _runs)}")
        {
            RunCopy = s3.CopyAsync, Now = () => new DateTime(2026, 12, 7, 19, 0, 0),
        };
        if (adjust is not null) context = adjust(context);
        var prefix = copy.From[$"s3://{RedshiftStandIn.Bucket}/".Length..];
        var (result, plan) = await RedshiftLedgerLoad.RunAsync(context, copy, listing ?? s3.List(prefix), CancellationToken.None);
        return (result, plan, s3.Copies.Skip(sent).ToList());
    }

    /// The FROM line of each COPY statement.
    public static IReadOnlyList<string> Froms(IEnumerable<string> copies) => copies.Select(c => c.Split('\n')[1]).ToList();

    /// staging_songs as "title song_id #object_id", sorted.
    public static Task<List<string>> SongsAsync(WarehouseEndpoint db, bool withIds = true) =>
        RowsAsync(db, withIds ? "select title || ' ' || song_id || ' #' || coalesce(object_id::text, 'null') from staging_songs"
            : "select title || ' ' || song_id from staging_songs");

    /// load_ledger as "key #object_id g#load_group status rows", sorted.
    public static Task<List<string>> LedgerAsync(WarehouseEndpoint db, string table = "staging_songs") => RowsAsync(db,
        $"select object_key || ' #' || object_id || ' g' || load_group || ' ' || status || ' ' || rows_loaded || coalesce(' ' || day_from || '..' || day_to, '') from load_ledger where table_name = '{table}'");

    /// staging_changes as "key change [days]", sorted.
    public static Task<List<string>> ChangesAsync(WarehouseEndpoint db) =>
        RowsAsync(db, "select object_key || ' ' || change || coalesce(' ' || day_from || '..' || day_to, '') from staging_changes");

    public static async Task<List<string>> RowsAsync(WarehouseEndpoint db, string query)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public static async Task ClearChangesAsync(WarehouseEndpoint db)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await new NpgsqlCommand("delete from staging_changes", connection).ExecuteNonQueryAsync();
    }

    /// The same objects loaded from scratch into a fresh warehouse: what every run must end equal to.
    public static async Task<List<string>> FreshSongsAsync(RedshiftStandIn s3)
    {
        var fresh = await RedshiftStandIn.CreateAsync();
        foreach (var (key, (_, rows)) in s3.Objects) fresh.Put(key, rows);
        await LoadAsync(fresh);
        return await SongsAsync(fresh.Db, withIds: false);
    }
}
