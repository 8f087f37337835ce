using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// transform_events, the view of the staged events a Transform's SQL reads: all of staging_events, or, in a daily run
/// after only additions, transform_recent (its events from the first changed day on). Made once the run's scope is
/// final; sql/transform/99_work_tables_dropped.sql drops it.
/// </summary>
public static class TransformEvents
{
    /// Whether the run reads transform_recent: a daily run that needs no full run's users or clean-up.
    public static bool Recent(EventRange range) => range.Changed is not null && !range.CleanUp;

    public static async Task CreateAsync(NpgsqlConnection connection, SqlFiles sql, Dialect dialect, EventRange range, CancellationToken ct)
    {
        // Daily runs are PostgreSQL's alone (Targets/TransformScope.cs), so Redshift has only the staged view.
        if (Recent(range) && dialect != Dialect.Postgres)
            throw new InvalidOperationException("a daily Transform runs on PostgreSQL only");
        var file = $"{SqlFiles.DialectFolder(dialect)}/transform_events_{(Recent(range) ? "recent" : "staged")}.sql";
        await Statement.ExecuteAsync(connection, sql.Read(file), ct);
    }
}
