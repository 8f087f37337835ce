using System.Diagnostics;

namespace Sparkify.Pipeline.Safety;

/// <summary>
/// The rule for every folder the pipeline deletes or overwrites ([LOCAL] data_dir, --out, --artifacts, --state-dir,
/// --work): it may not be the checkout, contain it (lie above it), be or lie inside .git, or hold tracked files.
/// Outside the checkout anything else is allowed (tests use absolute temporary folders); the marker rule of
/// <see cref="OwnedFolder"/> then decides what Teardown may remove.
/// </summary>
public static class PathGuard
{
    /// Why <paramref name="path"/> may not be used, or null when it may.
    public static string? Problem(string path, string checkout)
    {
        var full = Normal(path);
        var root = Normal(checkout);
        if (full == root) return "is the checkout itself";
        if (root.StartsWith(full.EndsWith('/') ? full : full + "/", StringComparison.Ordinal)) return $"lies above the checkout {root}";
        if (!full.StartsWith(root + "/", StringComparison.Ordinal)) return null;
        var relative = full[(root.Length + 1)..];
        if (relative == ".git" || relative.StartsWith(".git/", StringComparison.Ordinal)) return "is git's own folder (.git)";
        var tracked = Tracked(root).FirstOrDefault(f => f == relative || f.StartsWith(relative + "/", StringComparison.Ordinal));
        return tracked is null ? null : tracked == relative ? "is a file tracked by git" : $"holds files tracked by git ({tracked})";
    }

    /// Throws a <see cref="PipelineException"/> naming <paramref name="what"/> (an option or a setting) when the path is refused.
    public static void Require(string path, string checkout, string what)
    {
        if (Problem(path, checkout) is { } problem)
            throw new PipelineException($"{what} {Normal(path)} {problem}; the pipeline deletes or overwrites that folder, " +
                                        "so give it a folder of its own (the defaults .local, .dwh and artifacts are git-ignored)");
    }

    // Links resolved: a folder reached through a symbolic link is the folder it points at (data_dir = a link to the checkout).
    static string Normal(string path) => RealPath.Of(path);

    static readonly Dictionary<string, IReadOnlyList<string>> Cache = new();

    /// The checkout's tracked files (git ls-files), relative and '/'-separated; none when git or the repository is absent.
    static IReadOnlyList<string> Tracked(string root)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(root, out var known)) return known;
            var files = new List<string>();
            try
            {
                var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var a in new[] { "-C", root, "ls-files", "-z" }) info.ArgumentList.Add(a);
                using var git = Process.Start(info)!;
                var output = git.StandardOutput.ReadToEnd();
                git.WaitForExit();
                if (git.ExitCode == 0) files.AddRange(output.Split('\0', StringSplitOptions.RemoveEmptyEntries));
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // No git: only the checkout and .git rules apply.
            }
            return Cache[root] = files;
        }
    }
}
