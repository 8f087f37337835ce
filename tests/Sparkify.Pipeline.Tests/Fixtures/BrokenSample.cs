namespace Sparkify.Pipeline.Tests.Fixtures;

/// The real public sample copied into a temp folder with the second line of its first day's events cut in half: one
/// rejected row, at line 2 of that file, for a load run with MAXERROR above 0.
public sealed class BrokenSample : IDisposable
{
    readonly TempDir _dir = new("sample");

    public BrokenSample()
    {
        var from = Repo.RequireSampleData();
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(from, file)));
        var day = Directory.GetFiles(System.IO.Path.Combine(Path, "log_data"), "*.json", SearchOption.AllDirectories).Order().First();
        var lines = File.ReadAllLines(day);
        lines[1] = lines[1][..(lines[1].Length / 2)];
        File.WriteAllLines(day, lines);
    }

    public string Path => _dir.Path;

    public void Dispose() => _dir.Dispose();
}
