using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// A COPY of the load failed (MAXERROR passed, a file unreadable): roll back, read its first errors, and give the
/// objects it was reading 'failed' ledger rows in a transaction of their own, so the next run retries them. An object
/// keeps the id its old rows still carry. Errors while doing so shorten the message, never hide the failure.
/// </summary>
public static class LedgerFailure
{
    public static async Task RecordAsync(LedgerLoadContext context, NpgsqlConnection connection, NpgsqlTransaction transaction, ReloadPlan plan,
        CopyUnit unit, PostgresException failure, CancellationToken ct)
    {
        IReadOnlyList<LoadError> errors = [];
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
            errors = await RedshiftLoadDiagnostics.ErrorsAsync(connection, context.Sql, plan.Table, context.Views, CancellationToken.None);
            await using var record = await connection.BeginTransactionAsync(CancellationToken.None);
            // A reloaded object keeps its ledger row unless the errors name its file; the others are new or changed anyway.
            var named = errors.Select(e => e.File).ToHashSet(StringComparer.Ordinal);
            foreach (var o in plan.Objects.Where(o => o.NewId == unit.Id && (o.Change != "reloaded" || named.Contains($"s3://{plan.Bucket}/{o.Key}"))))
            {
                (string, object?) name = ("table_name", plan.Table), key = ("object_key", o.Key);
                await LedgerSql.ExecuteAsync(connection, context.Sql.Read(LedgerSql.Folder + "delete_ledger_row.sql"), CancellationToken.None, name, key);
                await LedgerSql.ExecuteAsync(connection, context.Sql.Read(LedgerSql.Folder + "insert_failed_row.sql"), CancellationToken.None, name, key,
                    ("source", plan.Source), ("object_id", o.Old?.ObjectId ?? unit.Id), ("content_id", o.Listed!.ETag), ("size_bytes", o.Listed.Size),
                    ("run_id", context.RunId), ("rejected", (long)errors.Count(e => e.File == $"s3://{plan.Bucket}/{o.Key}")),
                    ("loaded_at", context.Now()), ("day_from", o.Old?.DayFrom), ("day_to", o.Old?.DayTo), ("load_group", o.Old?.LoadGroup ?? unit.Id));
            }
            await record.CommitAsync(CancellationToken.None);
        }
        catch (Exception) { /* the server's own message below is what matters */ }
        throw new PipelineException(RedshiftCopy.Describe(plan.Table, LogText.Value(failure.MessageText), errors) +
                                    $" (COPY from {unit.Describe(plan.Bucket)}: its objects are marked failed and retried by the next run)");
    }
}
