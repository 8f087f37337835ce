using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Safety;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Local;

/// <summary>
/// Stops the local services and removes their folders, and only what the pipeline made: a process is signalled
/// only when its command line (and, from the state file, its start time) shows it is the service; a folder is
/// removed only when it carries the marker. The processes are found from the state file, moto.pid and the ports,
/// so a removed data folder hides nothing. Returns what was left, each with why.
/// </summary>
public static class LocalTeardown
{
    public static async Task<IReadOnlyList<string>> RunAsync(LocalServices services, StateFile stateFile, LocalSettings local,
        string checkout, PipelineLog log, CancellationToken ct)
    {
        var state = stateFile.Load();
        var left = new List<string>();
        // PostgreSQL is stopped here, pid by pid after proof, never by pg_ctl stop (it signals postmaster.pid's pid unchecked).
        var postmaster = services.Postgres.Postmaster;
        await StopAllAsync("PostgreSQL", local.PgPort, state.LocalPostgres, (postmaster.Pid, "postmaster.pid", postmaster.Proven),
            postmaster.IsPostmaster, ServiceProcess.SigInt, TimeSpan.FromSeconds(60), left, log, ct);
        var moto = services.Moto;
        await StopAllAsync("moto", local.MotoPort, state.LocalMoto, (moto.RecordedPid, "moto.pid", null), moto.IsMoto,
            ServiceProcess.SigTerm, TimeSpan.FromSeconds(10), left, log, ct);

        // Real paths: a record made through a link (before issue 24) names the folder the link points at.
        var folders = new[] { services.Folder, services.RelocatedFolder }.Concat(state.OwnedFolders).Select(RealPath.Of).Distinct().ToList();
        var kept = new List<string>();
        foreach (var folder in folders)
        {
            var problem = PathGuard.Problem(folder, checkout) is { } p ? $"{folder} {p}; left as it is" : Remove(folder, log);
            if (problem is null) continue;
            log.Warning($"Teardown (local) refused to remove {problem}");
            left.Add(problem);
            if (state.OwnedFolders.Select(RealPath.Of).Contains(folder)) kept.Add(folder);
        }

        state.LocalPgPassword = state.LocalOwnerPassword = state.ReaderPassword = state.LocalPgFolder = null;
        state.LocalMoto = state.LocalPostgres = null;
        state.OwnedFolders = kept;
        stateFile.Save(state);
        return left;
    }

    static string? Remove(string folder, PipelineLog log)
    {
        var existed = Directory.Exists(folder);
        var adopted = OwnedFolder.Adopted(folder);
        try
        {
            if (OwnedFolder.Remove(folder) is { } problem) return problem;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Its record stays in the state file, and the marker in the folder: the next Teardown finishes the removal.
            return $"{folder} could not be removed completely ({e.Message}); run Teardown again";
        }
        if (existed) log.Information(adopted ? $"Emptied {folder} of what the pipeline put there (the folder was there before the run: kept)" : $"Removed {folder}");
        return null;
    }

    /// Every candidate pid for one service: the state file's record (with its start time), a pid file (with the proof it
    /// allows), the port's listener; each is signalled only once proven to be the service.
    static async Task StopAllAsync(string name, int port, ServiceRecord? record, (int? Pid, string Name, Func<int, bool>? Proven) pidFile,
        Func<IReadOnlyList<string>?, bool> isService, int signal, TimeSpan grace, List<string> left, PipelineLog log, CancellationToken ct)
    {
        bool Runs(int pid) => isService(ServiceProcess.CommandLine(pid));
        var candidates = new List<(int Pid, Func<int, bool> Proven, string Source)>();
        if (record is not null) candidates.Add((record.Pid, pid => Runs(pid) && ServiceProcess.StartTicks(pid) == record.StartTicks, "the state file"));
        if (pidFile.Pid is { } p) candidates.Add((p, pidFile.Proven ?? Runs, pidFile.Name));
        candidates.AddRange(ServiceProcess.ListeningOn(port).Select(pid => (pid, (Func<int, bool>)Runs, $"port {port}")));
        foreach (var (pid, proven, source) in candidates.DistinctBy(c => c.Pid))
        {
            var who = ServiceProcess.Describe(pid);
            switch (await ServiceStop.StopAsync(pid, proven, signal, grace, ct))
            {
                case StopOutcome.Stopped:
                    log.Information($"Stopped {name} ({who}, found by {source})");
                    break;
                case StopOutcome.NotOurs:
                    var stale = source.EndsWith(".pid", StringComparison.Ordinal) ? $" ({source} is stale: its pid was reused after a crash)" : "";
                    log.Information($"{source} names {who}, which is not the {name} the pipeline started on port {port}: not signalled{stale}");
                    break;
                case StopOutcome.StillRunning:
                    left.Add($"{name} {who} did not stop");
                    break;
            }
        }
        if (ServiceProcess.ListeningOn(port).Where(pid => isService(ServiceProcess.CommandLine(pid))).ToList() is { Count: > 0 } still)
            left.Add($"{name} still listens on 127.0.0.1:{port} ({string.Join(", ", still.Select(ServiceProcess.Describe))})");
    }
}
