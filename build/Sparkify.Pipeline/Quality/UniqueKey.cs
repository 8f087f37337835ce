using System.Text.RegularExpressions;
using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Quality;

/// <summary>
/// A key check's header line "-- unique key: table (column, column)": the check returns exactly the rows where those
/// columns are NULL or repeated. On PostgreSQL, when the catalog shows that the table cannot hold such a row (NOT NULL
/// columns and a valid unique index, sql/postgres/verify_unique_enforced.sql), the check passes without its scan;
/// otherwise it runs. Redshift records keys without enforcing them, so there every key check runs.
/// </summary>
public sealed partial record UniqueKey(string Table, IReadOnlyList<string> Columns)
{
    const string Tag = "-- unique key:";

    /// The key a check's header names, or null when it names none.
    public static UniqueKey? From(string file, IEnumerable<string> header)
    {
        var line = header.FirstOrDefault(l => l.StartsWith(Tag, StringComparison.OrdinalIgnoreCase));
        if (line is null) return null;
        var match = Shape().Match(line[Tag.Length..].Trim());
        if (!match.Success)
            throw new PipelineException($"sql/{file}: its line \"{line}\" must read \"{Tag} table (column, column)\"");
        return new UniqueKey(match.Groups[1].Value,
            match.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    /// The names of the checks whose key PostgreSQL enforces now, read from the catalog (one small query per check).
    public static async Task<IReadOnlySet<string>> EnforcedAsync(NpgsqlConnection connection, SqlFiles sql,
        IEnumerable<QualityCheck> checks, CancellationToken ct)
    {
        var enforced = new HashSet<string>();
        var text = sql.Read("postgres/verify_unique_enforced.sql");
        foreach (var check in checks.Where(c => c.Key is not null))
        {
            await using var command = new NpgsqlCommand(text, connection);
            command.Parameters.AddWithValue("table", check.Key!.Table);
            command.Parameters.AddWithValue("columns", check.Key.Columns.ToArray());
            if (await command.ExecuteScalarAsync(ct) is true) enforced.Add(check.Name);
        }
        return enforced;
    }

    [GeneratedRegex(@"^([a-z_][a-z0-9_]*)\s*\(([a-z0-9_,\s]+)\)$")]
    private static partial Regex Shape();
}
