using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Bench;

/// The benchmark's statements, from sql/bench/, without their header comments (Npgsql's COPY API wants the COPY first).
public static class BenchSql
{
    public static string Read(SqlFiles sql, string name) =>
        string.Join('\n', sql.Read(Path.Combine("bench", name)).Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();
}
