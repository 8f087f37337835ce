using System.Text;

namespace Sparkify.Pipeline.Quality;

/// <summary>
/// artifacts/failed/CHECK.csv: every offending row of a failed check, a header row of its columns, fields escaped as
/// RFC 4180 says (a field holding a comma, a quote or a line break is quoted, its quotes doubled); NULL is an empty field.
/// </summary>
public sealed class FailedRowsCsv : IAsyncDisposable
{
    readonly StreamWriter _writer;

    FailedRowsCsv(string path, IReadOnlyList<string> columns)
    {
        Path = path;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        _writer.Write(Line(columns));
    }

    public string Path { get; }

    /// The file of <paramref name="check"/> in <paramref name="folder"/>, created with its header row.
    public static FailedRowsCsv Create(string folder, string check, IReadOnlyList<string> columns)
    {
        Directory.CreateDirectory(folder);
        return new FailedRowsCsv(FileOf(folder, check), columns);
    }

    public static string FileOf(string folder, string check) => System.IO.Path.Combine(folder, check + ".csv");

    /// Removes the files a former run left for these checks (only those names: the folder may hold the user's own files).
    public static void RemoveStale(string folder, IEnumerable<string> checks)
    {
        foreach (var check in checks)
            if (File.Exists(FileOf(folder, check))) File.Delete(FileOf(folder, check));
    }

    public Task WriteAsync(IReadOnlyList<string?> row) => _writer.WriteAsync(Line(row));

    public static string Line(IReadOnlyList<string?> fields) =>
        string.Join(",", fields.Select(Field)) + "\r\n";

    static string Field(string? value) =>
        value is null ? ""
        : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public async ValueTask DisposeAsync() => await _writer.DisposeAsync();
}
