namespace Sparkify.Pipeline.Warehouse;

/// The statements under sql/: every statement the pipeline sends lives there as a file.
public sealed class SqlFiles(string root)
{
    public string Root { get; } = root;

    public static SqlFiles In(string repositoryRoot) => new(Path.Combine(repositoryRoot, "sql"));

    public string Read(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (!File.Exists(path)) throw new PipelineException($"SQL file {path} is missing; the checkout is incomplete");
        return File.ReadAllText(path);
    }

    /// The files of one folder in name order (numbered files run in their numbered order).
    public IReadOnlyList<string> List(string folder) =>
        Directory.Exists(Path.Combine(Root, folder))
            ? Directory.GetFiles(Path.Combine(Root, folder), "*.sql").Select(p => Path.GetRelativePath(Root, p))
                .Order(StringComparer.Ordinal).ToList()
            : throw new PipelineException($"SQL folder {Path.Combine(Root, folder)} is missing; the checkout is incomplete");

    public static string DialectFolder(Dialect dialect) => dialect == Dialect.Redshift ? "redshift" : "postgres";
}
