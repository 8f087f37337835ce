using System.Globalization;
using System.Runtime.InteropServices;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Local;

/// <summary>
/// What Linux's /proc says about a process: its command line and start time (clock ticks since boot, field 22 of
/// /proc/PID/stat), the loopback port it listens on, and signals. Teardown signals a pid only after checking it
/// is the service it started, so a reused pid never costs an unrelated process.
/// </summary>
public static class ServiceProcess
{
    public const int SigInt = 2, SigKill = 9, SigTerm = 15;

    public static IReadOnlyList<string>? CommandLine(int pid)
    {
        try
        {
            var raw = File.ReadAllText($"/proc/{pid}/cmdline");
            return raw.Length == 0 ? null : raw.TrimEnd('\0').Split('\0');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static long? StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// When the process started, from its start ticks and the boot time (/proc/stat btime); null when it is gone.
    public static DateTimeOffset? StartTime(int pid)
    {
        if (StartTicks(pid) is not { } ticks) return null;
        try
        {
            var btime = File.ReadLines("/proc/stat").First(l => l.StartsWith("btime ", StringComparison.Ordinal))[6..];
            var hertz = sysconf(ClockTicksName);
            return DateTimeOffset.FromUnixTimeSeconds(long.Parse(btime, CultureInfo.InvariantCulture)).AddSeconds((double)ticks / (hertz > 0 ? hertz : 100));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    // _SC_CLK_TCK on Linux (bits/confname.h).
    const int ClockTicksName = 2;

    [DllImport("libc", SetLastError = true)]
    static extern long sysconf(int name);

    /// The pids whose working folder is <paramref name="folder"/> or inside it (PostgreSQL's processes work in their data
    /// folder), among those whose /proc/PID/cwd we may read.
    public static IReadOnlyList<int> WorkingIn(string folder)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (new DirectoryInfo(Path.Combine(dir, "cwd")).LinkTarget is { } cwd &&
                    (cwd == folder || cwd.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                    pids.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to inspect, or gone meanwhile.
            }
        }
        return pids;
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && StartTicks(pid) is not null && !IsZombie(pid);

    /// Whether the recorded process itself still runs (same pid, same start time).
    public static bool IsAlive(ServiceRecord record) => IsAlive(record.Pid) && StartTicks(record.Pid) == record.StartTicks;

    /// The state file's record of a process the pipeline just started.
    public static ServiceRecord Record(int pid, int port) => new(pid, port, StartTicks(pid));

    static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] == 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    /// The pids of processes holding a listening TCP socket on <paramref name="port"/> (those whose /proc/PID/fd we may read).
    public static IReadOnlyList<int> ListeningOn(int port)
    {
        var inodes = new HashSet<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // local_address is ADDR:PORT in hex; st 0A is LISTEN; field 9 is the socket's inode.
                if (f.Length > 9 && f[3] == "0A" && int.Parse(f[1][(f[1].IndexOf(':') + 1)..], NumberStyles.HexNumber) == port)
                    inodes.Add($"socket:[{f[9]}]");
            }
        }
        if (inodes.Count == 0) return [];
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } t && inodes.Contains(t)))
                    pids.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not ours to inspect, or gone meanwhile.
            }
        }
        return pids;
    }

    /// Sends the signal; false when the process is gone or not ours to signal.
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    /// Waits until the process has exited (or is a zombie awaiting its parent).
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100, ct);
        }
        return true;
    }

    public static string Describe(int pid) => CommandLine(pid) is { } cmd ? $"pid {pid} ({string.Join(' ', cmd)})" : $"pid {pid}";

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int sig);
}
