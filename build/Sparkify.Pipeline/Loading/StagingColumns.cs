using System.Text.RegularExpressions;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// The columns a Redshift COPY fills in a staging table, read from its DDL (sql/redshift/create_TABLE.sql, the one home
/// of the table's shape), in order, without object_id: the load fills that column, COPY never does.
/// </summary>
public static partial class StagingColumns
{
    public const string ObjectId = "object_id";

    /// The columns, or null for a table without DDL of its own in sql/redshift (COPY then names none).
    public static IReadOnlyList<string>? Of(SqlFiles sql, string table)
    {
        var file = $"redshift/create_{table}.sql";
        if (!File.Exists(Path.Combine(sql.Root, file))) return null;
        var body = sql.Read(file);
        var open = body.IndexOf("(\n", StringComparison.Ordinal);
        var close = body.IndexOf("\n)", open + 1, StringComparison.Ordinal);
        if (open < 0 || close < 0) throw new PipelineException($"sql/{file}: no column list found (one column per line between '(' and ')')");
        return Column().Matches(body[open..close]).Select(m => m.Groups[1].Value).Where(c => c != ObjectId).ToList();
    }

    [GeneratedRegex(@"^\s+([a-z_][a-z0-9_]*)\s+[a-z]", RegexOptions.Multiline)]
    private static partial Regex Column();
}
