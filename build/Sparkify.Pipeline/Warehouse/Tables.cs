using Npgsql;

namespace Sparkify.Pipeline.Warehouse;

/// The seven tables, in creation order: staging first, dimensions before the fact that references them.
public static class Tables
{
    public static readonly IReadOnlyList<string> All =
        ["staging_events", "staging_songs", "users", "artists", "songs", "time", "songplays"];

    /// The pipeline's own bookkeeping, left out of row counts: etl_runs (kept by --recreate), staging_scope (what
    /// staging_events holds), load_ledger (which objects staging holds) and staging_changes (what the loads changed
    /// that Transform has not consumed yet); the last three are written by StageCopy and dropped with the staging tables.
    public static readonly IReadOnlyList<string> Audit = ["etl_runs", "staging_scope", LoadLedger, StagingChanges];

    /// The object ledger of both staging tables (docs/reruns.md).
    public const string LoadLedger = "load_ledger";

    /// The objects the loads added, changed or removed since Transform last consumed them.
    public const string StagingChanges = "staging_changes";

    /// The column of a staging row that names its object's load_ledger object_id: filled by the loader, never a
    /// COPY target column.
    public const string ObjectIdColumn = "object_id";

    /// Every table CreateTables makes on both dialects, in creation order.
    public static IReadOnlyList<string> Created { get; } = [.. All, .. Audit];

    /// The client-side loader's stand-in for Redshift's STL_LOAD_ERRORS: PostgreSQL only.
    public const string LoadErrors = "load_errors";

    /// What lets a rerun skip a step that would change nothing (Runs/UpToDate.cs): PostgreSQL only, made after the
    /// tables whose writes etl_writes counts.
    public static readonly IReadOnlyList<string> Stamps = ["etl_writes", "etl_stamps"];

    /// Every table CreateTables makes on this dialect.
    public static IReadOnlyList<string> CreatedFor(Dialect dialect) =>
        dialect == Dialect.Postgres ? [.. Created, LoadErrors, .. Stamps] : Created;

    /// Row counts of the seven tables; null for a table that does not exist.
    public static async Task<IReadOnlyDictionary<string, long?>> CountRowsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var existing = await ExistingAsync(connection, ct);
        var counts = new Dictionary<string, long?>();
        foreach (var table in All)
        {
            if (!existing.Contains(table)) { counts[table] = null; continue; }
            // Table names come from the fixed list above, never from input.
            await using var count = new NpgsqlCommand($"select count(*) from {table}", connection);
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(ct));
        }
        return counts;
    }

    /// The names of the tables in the current schema.
    public static async Task<HashSet<string>> ExistingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var existing = new HashSet<string>();
        await using var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = current_schema()", connection);
        await using var reader = await list.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) existing.Add(reader.GetString(0));
        return existing;
    }
}
