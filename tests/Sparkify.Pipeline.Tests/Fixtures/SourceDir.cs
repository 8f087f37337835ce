using System.IO.Compression;
using System.Text;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// A folder of hand-made input files for one test, written exactly as given (no newline added).
sealed class SourceDir : IDisposable
{
    readonly TempDir _dir = new("src");

    public string Root => _dir.Path;

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public string Write(string relative, string content)
    {
        var path = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string WriteGzip(string relative, string content)
    {
        var path = Path(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    public void Dispose() => _dir.Dispose();
}
