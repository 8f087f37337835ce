namespace Sparkify.Pipeline.Tests.Fixtures;

/// A folder under /tmp that the postgres user can reach too (the fixtures run initdb as postgres when root).
public sealed class TempDir : IDisposable
{
    public TempDir(string name = "t")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sparkify-{name}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
