using System.Globalization;

namespace Sparkify.Pipeline.Reporting;

/// How a value from the warehouse is written: invariant culture, timestamps to the millisecond when they have one.
public static class CellText
{
    /// The value as the database holds it, digits without grouping (the Query target; CSV-like uses).
    public static string Plain(object? value) => value switch
    {
        null or DBNull => "",
        DateTime t => t.ToString(t.Millisecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        // Npgsql reads a date column as DateOnly, whose invariant format is MM/dd/yyyy.
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        byte[] bytes => "\\x" + Convert.ToHexStringLower(bytes),
        Array array => "{" + string.Join(",", array.Cast<object?>().Select(Plain)) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// The value for a reader: whole numbers grouped by thousands (6,820), the rest as <see cref="Plain"/>.
    public static string Readable(object? value) => value switch
    {
        long or int or short => Convert.ToInt64(value).ToString("#,0", CultureInfo.InvariantCulture),
        _ => Plain(value),
    };

    /// A column name as a heading: plays_pct -> "plays %", first_play -> "first play".
    public static string Heading(string column) =>
        (column.EndsWith("_pct", StringComparison.Ordinal) ? column[..^4] + " %" : column).Replace('_', ' ');

    public static bool IsNumber(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(decimal) ||
        type == typeof(double) || type == typeof(float);
}
