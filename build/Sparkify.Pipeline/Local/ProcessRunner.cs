using System.Diagnostics;

namespace Sparkify.Pipeline.Local;

/// Runs the local services' command-line tools; as root, PostgreSQL's tools run as the postgres user (they refuse root).
public static class ProcessRunner
{
    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> args, CancellationToken ct, bool asPostgres = false,
        IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo
        {
            FileName = asPostgres && IsRoot ? RunUser() : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot) foreach (var a in new[] { "-u", "postgres", "--", file }) info.ArgumentList.Add(a);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var process = Start(info);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    public static Process Start(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new PipelineException($"could not start {info.FileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PipelineException($"could not start {info.FileName}: {e.Message}; is it installed and on PATH? (see README, prerequisites)");
        }
    }

    // util-linux's runuser lives in /usr/sbin, which a non-login root shell may not have on PATH.
    static string RunUser() => RunUserPath() ?? "runuser";

    public static string? RunUserPath() => new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists);

    /// Finds a PostgreSQL server tool on PATH, else in Debian's versioned folder (/usr/lib/postgresql/N/bin).
    public static string PostgresTool(string name)
    {
        if (ToolPath.Find(name) is { } onPath) return onPath;
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", name)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? throw new PipelineException(
            $"PostgreSQL's {name} was not found on PATH or under /usr/lib/postgresql/*/bin; install the PostgreSQL server " +
            "(Debian: apt-get install postgresql-15) — the local profile needs it");
    }
}
