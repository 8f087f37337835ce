namespace Sparkify.Pipeline.Quality;

/// <summary>
/// One file of sql/quality/: a query returning the offending rows (zero rows = pass). A header line
/// "-- severity: info" marks an informational check: its rows are reported, never a failure. A line
/// "-- unique key: table (columns)" names the key it checks (<see cref="UniqueKey"/>).
/// </summary>
public sealed record QualityCheck(string File, string Name, string Sql, bool Informational)
{
    /// The key whose NULLs and repeats this check returns, when its header names one.
    public UniqueKey? Key { get; init; }

    public const string InfoTag = "-- severity: info";
    public const string Folder = "quality";

    public static QualityCheck From(string relativePath, string text)
    {
        var header = text.Split('\n').TakeWhile(l => l.TrimStart().StartsWith("--")).Select(l => l.Trim()).ToList();
        return new QualityCheck(relativePath, Path.GetFileNameWithoutExtension(relativePath), text.Trim().TrimEnd(';'),
            header.Contains(InfoTag, StringComparer.OrdinalIgnoreCase)) { Key = UniqueKey.From(relativePath, header) };
    }
}
