namespace Sparkify.Pipeline.Local;

/// <summary>
/// A local cluster's postmaster as its lock file (postmaster.pid) names it, and the proof that a pid is that postmaster
/// before anything signals it: the process runs "postgres -D DATADIR" for this very data folder, and when
/// postmaster.pid names it, it started when the file says (line 3, epoch seconds, against /proc). pg_ctl stop signals
/// whatever pid the file holds, unchecked: after a crash that pid may be another process of the postgres user (issue 24).
/// </summary>
public sealed class Postmaster(string dataDir)
{
    public string PidFile => Path.Combine(dataDir, "postmaster.pid");

    /// The pid postmaster.pid's first line names; null when there is no such file.
    public int? Pid => int.TryParse(Line(0), out var pid) ? pid : null;

    /// A line of postmaster.pid, trimmed (PostgreSQL docs, "Database File Layout": 1 pid, 3 start time, 4 port,
    /// 8 status: starting, ready, stopping); null when absent.
    public string? Line(int index)
    {
        try
        {
            var lines = File.ReadAllLines(PidFile);
            return lines.Length > index ? lines[index].Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// Whether a command line is this cluster's postmaster: pg_ctl starts it as "postgres -D DATADIR … -p PORT".
    public bool IsPostmaster(IReadOnlyList<string>? commandLine) =>
        commandLine is { Count: > 0 } && Path.GetFileName(commandLine[0]) == "postgres" &&
        commandLine.Zip(commandLine.Skip(1)).Any(p => p.First == "-D" && Path.TrimEndingDirectorySeparator(p.Second) == dataDir);

    /// Proof that <paramref name="pid"/> is this cluster's running postmaster: its command line, and, when postmaster.pid
    /// names it, a start within the seconds before the file's start time (the process forks, then the postmaster stamps it).
    public bool Proven(int pid)
    {
        if (!ServiceProcess.IsAlive(pid) || !IsPostmaster(ServiceProcess.CommandLine(pid))) return false;
        if (Pid != pid) return true;
        return long.TryParse(Line(2), out var stamped) && ServiceProcess.StartTime(pid) is { } started &&
               started.ToUnixTimeSeconds() <= stamped + 1 && started.ToUnixTimeSeconds() >= stamped - 30;
    }

    /// Whether the postmaster postmaster.pid names runs, proven as above.
    public bool Runs => Pid is { } pid && Proven(pid);

    /// What is wrong with a postmaster.pid that names no running postmaster of this cluster; null when there is no file,
    /// or it names this cluster's postmaster (a zombie or one shutting down is not stale: it is waited for).
    public string? Stale()
    {
        if (Pid is not { } pid || Runs) return null;
        if (!ServiceProcess.IsAlive(pid))
            return $"{PidFile} is stale: it names pid {pid}, which no longer runs (the cluster's last server ended without removing it)";
        return IsPostmaster(ServiceProcess.CommandLine(pid)) ? null
            : $"{PidFile} is stale: it names {ServiceProcess.Describe(pid)}, which is not this cluster's postmaster (its pid was reused after a crash)";
    }
}
