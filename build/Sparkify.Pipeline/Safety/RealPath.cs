namespace Sparkify.Pipeline.Safety;

/// <summary>
/// A path with every symbolic link in it resolved, as realpath(3) gives it, for the part that exists; the rest is
/// appended as written. The pipeline records and removes real folders: a [LOCAL] data_dir that is a link to a folder
/// means that folder, and the link itself stays the user's (issue 24).
/// </summary>
public static class RealPath
{
    const int MaxLinks = 40; // Linux's own limit on links followed in one lookup (MAXSYMLINKS)

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var current = root;
        var links = 0;
        while (parts.Count > 0)
        {
            var next = Path.Combine(current, parts.Dequeue());
            FileSystemInfo info = new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) throw new PipelineException($"{path}: too many symbolic links to resolve");
            // The link's target, then what was left of the path after the link.
            var resolved = Path.GetFullPath(target, current);
            var rest = parts.ToList();
            parts = new Queue<string>(resolved[Path.GetPathRoot(resolved)!.Length..]
                .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
            current = Path.GetPathRoot(resolved)!;
        }
        return Path.TrimEndingDirectorySeparator(current);
    }
}
