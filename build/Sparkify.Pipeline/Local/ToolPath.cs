namespace Sparkify.Pipeline.Local;

/// Finds a program on PATH the way a shell does (the first folder that holds it), for the local services' tools.
public static class ToolPath
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Where(dir => dir.Length > 0).Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
