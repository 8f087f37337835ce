using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// The guard after each COPY: the files Redshift says it read (SYS_LOAD_DETAIL for pg_last_copy_id()) must be exactly
/// the objects the ledger will record for that COPY. An object that appeared under the prefix after the listing, or a
/// listed one that vanished, fails the load before anything commits: its rows are never loaded without its ledger row.
/// </summary>
public static class CopiedFiles
{
    /// SYS_LOAD_DETAIL.file_name is character(256): longer names are compared on what it keeps.
    const int FileNameWidth = 256;

    /// Per copied file (s3://bucket/key): lines scanned and records rejected.
    public static async Task<IReadOnlyDictionary<string, (long Lines, long Rejected)>> ReadAsync(NpgsqlConnection connection, SqlFiles sql,
        CancellationToken ct)
    {
        var files = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql.Read(LedgerSql.Folder + "copied_files.sql"), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            files[reader.GetString(0).Trim()] = (Convert.ToInt64(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2)));
        return files;
    }

    /// Throws, naming the differences, unless the copied files are exactly the unit's objects.
    public static void Check(string table, string bucket, CopyUnit unit, IReadOnlyDictionary<string, (long Lines, long Rejected)> copied)
    {
        var expected = unit.Keys.Select(k => Width($"s3://{bucket}/{k}")).ToHashSet(StringComparer.Ordinal);
        var extra = copied.Keys.Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal).ToList();
        var missing = expected.Where(f => !copied.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        if (extra.Count == 0 && missing.Count == 0) return;
        throw new PipelineException($"COPY into {table} from {unit.Describe(bucket)} read other files than the run listed" +
                                    (extra.Count > 0 ? $"; not listed (appeared after the listing?): {Few(extra)}" : "") +
                                    (missing.Count > 0 ? $"; listed but not read (removed after the listing?): {Few(missing)}" : "") +
                                    $"; nothing of {table} was committed: run again");
    }

    /// The rows a file of the unit loaded: lines scanned minus rejected records (one JSON record per line in Sparkify's files).
    public static long RowsOf(string bucket, string key, IReadOnlyDictionary<string, (long Lines, long Rejected)> copied) =>
        copied.TryGetValue(Width($"s3://{bucket}/{key}"), out var f) ? Math.Max(0, f.Lines - f.Rejected) : 0;

    public static long RejectedOf(string bucket, string key, IReadOnlyDictionary<string, (long Lines, long Rejected)> copied) =>
        copied.TryGetValue(Width($"s3://{bucket}/{key}"), out var f) ? f.Rejected : 0;

    static string Width(string name) => name.Length <= FileNameWidth ? name : name[..FileNameWidth];

    static string Few(IReadOnlyList<string> names) => string.Join(", ", names.Take(5)) + (names.Count > 5 ? $" and {names.Count - 5} more" : "");
}
