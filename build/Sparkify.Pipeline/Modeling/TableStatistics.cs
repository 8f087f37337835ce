using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// Keeps the planner's view of the star tables true inside Transform's one transaction: a table whose size a
/// statement changed by a tenth or more (and at least MinRows rows) is analyzed at once, so later statements are not
/// planned for the table as it was (issue 11: an empty table's statistics turned an insert into minutes of
/// nested-loop scans). Row estimates are read once (sql/DIALECT/table_row_estimates.sql) and then tracked.
/// </summary>
public sealed class TableStatistics
{
    public const long MinRows = 1000;
    readonly Dictionary<string, long> _rows;

    TableStatistics(Dictionary<string, long> rows) => _rows = rows;

    public List<string> Analyzed { get; } = [];

    public static async Task<TableStatistics> ReadAsync(NpgsqlConnection connection, SqlFiles sql, Dialect dialect, CancellationToken ct)
    {
        var rows = new Dictionary<string, long>();
        await using var command = new NpgsqlCommand(sql.Read($"{SqlFiles.DialectFolder(dialect)}/table_row_estimates.sql"), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows[reader.GetString(0)] = reader.IsDBNull(1) ? 0 : Math.Max(0, Convert.ToInt64(reader.GetValue(1)));
        return new TableStatistics(rows);
    }

    /// Whether a change of this many rows calls for fresh statistics: a tenth of the table or more, and at least MinRows.
    public static bool NeedsAnalyze(long estimate, long changed) => changed >= MinRows && changed * 10 >= Math.Max(0, estimate);

    /// Records a statement's inserted or deleted rows; analyzes the table when the rule says so.
    public async Task AfterAsync(NpgsqlConnection connection, SqlStatement statement, long rows, CancellationToken ct)
    {
        if (statement.Table is not { } table || statement.Kind == "updated" || rows <= 0) return;
        var before = _rows.GetValueOrDefault(table);
        _rows[table] = Math.Max(0, statement.Kind == "inserted" ? before + rows : before - rows);
        if (!NeedsAnalyze(before, rows)) return;
        // The name comes from SqlScript's pattern ([a-z_][a-z0-9_]*) over our own sql/ files, never from input.
        await using var analyze = new NpgsqlCommand($"analyze {table}", connection);
        await analyze.ExecuteNonQueryAsync(ct);
        Analyzed.Add(table);
    }
}
