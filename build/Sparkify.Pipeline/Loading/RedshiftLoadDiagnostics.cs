using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// What Redshift recorded about this session's last COPY: its rows, files and rejected rows, and its first errors,
/// read from the SYS_ views (and STL_LOAD_ERRORS' raw line where <see cref="LoadViews"/> allows it).
/// </summary>
public static class RedshiftLoadDiagnostics
{
    public const string SummaryFile = "redshift/load_summary.sql";

    /// The errors query for this shape: SYS only, or SYS with STL's raw line.
    public static string ErrorsFile(LoadViews views) =>
        views == LoadViews.SysOnly ? "redshift/load_errors.sql" : "redshift/load_errors_with_raw_line.sql";

    public static async Task<(long Rows, int Files, int Rejected)> SummaryAsync(NpgsqlConnection connection, SqlFiles sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql.Read(SummaryFile), connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)));
    }

    /// The first errors; with STL allowed but missing after all (a Multi-AZ cluster), the SYS-only query answers.
    public static async Task<IReadOnlyList<LoadError>> ErrorsAsync(NpgsqlConnection connection, SqlFiles sql, string table, LoadViews views,
        CancellationToken ct)
    {
        if (views == LoadViews.SysOnly) return await ReadAsync(connection, sql.Read(ErrorsFile(LoadViews.SysOnly)), table, ct);
        try
        {
            return await ReadAsync(connection, sql.Read(ErrorsFile(views)), table, ct);
        }
        catch (PostgresException)
        {
            return await ReadAsync(connection, sql.Read(ErrorsFile(LoadViews.SysOnly)), table, ct);
        }
    }

    static async Task<IReadOnlyList<LoadError>> ReadAsync(NpgsqlConnection connection, string query, string table, CancellationToken ct)
    {
        var errors = new List<LoadError>();
        await using var command = new NpgsqlCommand(query, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            errors.Add(new LoadError(table, Text(reader, 0), Convert.ToInt64(reader.GetValue(1)), Text(reader, 2), Text(reader, 3),
                int.TryParse(Text(reader, 4), out var length) ? length : null, Text(reader, 5), Text(reader, 6),
                Convert.ToInt32(reader.GetValue(7)), Text(reader, 8)));
        return errors;
    }

    static string Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i))!.Trim();
}
