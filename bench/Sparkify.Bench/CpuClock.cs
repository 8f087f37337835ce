using System.Diagnostics;

namespace Sparkify.Bench;

/// <summary>
/// CPU-seconds spent by this process (the client) and by the PostgreSQL server (the postmaster and every process it
/// forked, living or reaped) between Start and Read, from /proc (proc(5): utime, stime, cutime, cstime in clock ticks).
/// A backend that exits is reaped by the postmaster, so its time moves into the postmaster's cutime/cstime, not lost.
/// </summary>
public sealed class CpuClock
{
    const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux build the project runs on
    readonly int? _postmaster;
    readonly TimeSpan _client;
    readonly long _server;

    CpuClock(int? postmaster)
    {
        _postmaster = postmaster;
        _client = Process.GetCurrentProcess().TotalProcessorTime;
        _server = ServerTicks(postmaster);
    }

    public static CpuClock Start(int? postmaster) => new(postmaster);

    public (double Client, double? Server) Read() =>
        ((Process.GetCurrentProcess().TotalProcessorTime - _client).TotalSeconds,
         _postmaster is null ? null : (ServerTicks(_postmaster) - _server) / TicksPerSecond);

    /// The machine's 1-minute load average (/proc/loadavg), printed beside each figure: the machine is shared.
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    static long ServerTicks(int? postmaster)
    {
        if (postmaster is not { } pm) return 0;
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            if (Stat(pid) is not { } fields) continue;
            if (pid == pm) total += fields.Utime + fields.Stime + fields.Cutime + fields.Cstime;
            else if (fields.Parent == pm) total += fields.Utime + fields.Stime;
        }
        return total;
    }

    static (int Parent, long Utime, long Stime, long Cutime, long Cstime)? Stat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        // The command name (field 2) may hold spaces: the fields after it start past its closing parenthesis.
        var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(f[1]), long.Parse(f[11]), long.Parse(f[12]), long.Parse(f[13]), long.Parse(f[14]));
    }
}
