using System.Diagnostics;
using Npgsql;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// One staging table's load on Redshift with the object ledger: plan from the listing and load_ledger
/// (<see cref="ReloadPlanner"/>), then in ONE transaction: each COPY into the per-load temp table, checked against the
/// files it read and tagged with its id; the staging rows of changed, removed and reloaded objects deleted by id; the
/// new rows inserted with their ids; load_ledger and staging_changes written; commit. A failed COPY rolls everything
/// back, then its objects get 'failed' ledger rows so the next run retries them.
/// </summary>
public static class RedshiftLedgerLoad
{
    /// Runs one COPY statement; the default sends it. Tests stand in for Redshift's COPY from S3, which cannot run here.
    public delegate Task CopyRunner(NpgsqlConnection connection, string statement, CopyUnit unit, CancellationToken ct);

    public static async Task<(LoadResult Result, ReloadPlan Plan)> RunAsync(LedgerLoadContext context, CopyCommand copy,
        IReadOnlyList<ListedFile> listed, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (sql, table) = (context.Sql, copy.CheckedTable);
        if (!S3Location.TryParse(copy.From, out var from))
            throw new PipelineException($"COPY {table} from '{copy.From}': Redshift reads s3://bucket/prefix addresses only");
        await using var connection = await context.Warehouse.OpenAsync(ct);
        var plan = ReloadPlanner.Make(table, from, listed, await LedgerRows.ReadAsync(connection, sql, table, ct), copy.Window,
            await LedgerRows.LastIdAsync(connection, sql, ct));
        context.Log.Information($"{table}: {plan.Summary()}");
        var outcomes = new Dictionary<long, UnitOutcome>();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            CopyUnit? running = null;
            try
            {
                foreach (var file in new[] { "drop_load_table.sql", "create_load_table.sql", "drop_load_objects.sql", "create_load_objects.sql" })
                    await LedgerSql.ExecuteAsync(connection, LedgerSql.Render(sql, file, table), ct);
                foreach (var unit in plan.Units)
                {
                    running = unit;
                    outcomes[unit.Id] = await CopyAsync(context, connection, copy, plan, unit, ct);
                }
                running = null;
                await SwapAsync(context, connection, plan, outcomes, ct);
                if (context.BeforeCommit is not null) await context.BeforeCommit(connection, copy, plan.FirstLoad, ct);
                await transaction.CommitAsync(ct);
            }
            catch (PostgresException e) when (running is not null)
            {
                await LedgerFailure.RecordAsync(context, connection, transaction, plan, running, e, ct);
                throw; // not reached: RecordAsync throws the load's own failure
            }
        }
        var loaded = outcomes.Values.ToList();
        var bytes = plan.Objects.Where(o => o.NewId is not null).Sum(o => o.Listed!.Size);
        var rejectedFiles = loaded.SelectMany(u => u.Files.Values).Count(f => f.Rejected > 0);
        var result = new LoadResult(table, loaded.Sum(u => u.Rows), listed.Count, bytes,
            (int)loaded.Sum(u => u.Files.Values.Sum(f => f.Rejected)), Math.Round(clock.Elapsed.TotalSeconds, 3))
        {
            // Unchanged counts content: objects reloaded with their COPY group are in it (the log names them).
            Counts = new Ledger.ObjectCounts(plan.Count("added"), plan.Count("changed"), plan.Count("removed"), plan.Unchanged, rejectedFiles),
        };
        return (result, plan);
    }

    /// One COPY into the per-load table, the guard on the files it read, the tag, and its rows' count and ts range.
    static async Task<UnitOutcome> CopyAsync(LedgerLoadContext context, NpgsqlConnection connection, CopyCommand copy, ReloadPlan plan,
        CopyUnit unit, CancellationToken ct)
    {
        var (sql, table) = (context.Sql, copy.CheckedTable);
        var statement = RedshiftCopy.Statement(sql, copy with { From = $"s3://{plan.Bucket}/{unit.Prefix}", Window = null }, context.RoleArn,
            LedgerSql.LoadTable(table));
        context.Log.Information($"Executing COPY into {table} from {unit.Describe(plan.Bucket)}");
        await (context.RunCopy ?? SendAsync)(connection, statement, unit, ct);
        var files = await CopiedFiles.ReadAsync(connection, sql, ct);
        CopiedFiles.Check(table, plan.Bucket, unit, files);
        await LedgerSql.ExecuteAsync(connection, LedgerSql.Render(sql, "tag_load_rows.sql", table), ct, ("object_id", unit.Id));
        await using var stats = LedgerSql.Command(connection, LedgerSql.Render(sql, $"load_stats_{table}.sql", table), ("object_id", unit.Id));
        await using var reader = await stats.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new UnitOutcome(unit, files, Convert.ToInt64(reader.GetValue(0)), reader.IsDBNull(1) ? null : Convert.ToInt64(reader.GetValue(1)),
            reader.IsDBNull(2) ? null : Convert.ToInt64(reader.GetValue(2)));
    }

    /// The atomic swap: rows of replaced ids out, the load's rows in, ledger and staging_changes written.
    static async Task SwapAsync(LedgerLoadContext context, NpgsqlConnection connection, ReloadPlan plan,
        IReadOnlyDictionary<long, UnitOutcome> outcomes, CancellationToken ct)
    {
        var (sql, table) = (context.Sql, plan.Table);
        await LoadObjectRows.InsertAsync(connection, sql, LoadObjectRows.Of(plan, outcomes), ct);
        if (plan.FirstLoad) await LedgerSql.ExecuteAsync(connection, LedgerSql.Render(sql, "delete_unowned_rows.sql", table), ct);
        await LedgerSql.ExecuteAsync(connection, LedgerSql.Render(sql, "delete_replaced_rows.sql", table), ct);
        await LedgerSql.ExecuteAsync(connection, LedgerSql.Render(sql, "insert_loaded_rows.sql", table), ct);
        (string, object?) name = ("table_name", table), run = ("run_id", context.RunId);
        await LedgerSql.ExecuteAsync(connection, LedgerSql.Render(sql, "delete_ledger_rows.sql", table), ct, name);
        await LedgerSql.ExecuteAsync(connection, LedgerSql.Render(sql, "insert_ledger_rows.sql", table), ct, name, ("source", plan.Source), run,
            ("loaded_at", context.Now()));
        await LedgerSql.ExecuteAsync(connection, LedgerSql.Render(sql, "insert_staging_changes.sql", table), ct, run, name);
    }

    static Task SendAsync(NpgsqlConnection connection, string statement, CopyUnit unit, CancellationToken ct) =>
        Statement.ExecuteAsync(connection, statement, ct);
}
