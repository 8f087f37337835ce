namespace Sparkify.Pipeline.Local;

/// What became of one pid Teardown considered.
public enum StopOutcome { Gone, Stopped, NotOurs, StillRunning }

/// <summary>
/// Stops one service process, checking first that it is the service: its command line must match, and when the
/// start time was recorded it must match too (a pid reused after a crash names another process). Then a polite
/// signal, a grace period, and SIGKILL for a process that ignores it.
/// </summary>
public static class ServiceStop
{
    public static Task<StopOutcome> StopAsync(int pid, long? startTicks, Func<IReadOnlyList<string>?, bool> isService,
        int signal, TimeSpan grace, CancellationToken ct) =>
        StopAsync(pid, p => isService(ServiceProcess.CommandLine(p)) && (startTicks is null || ServiceProcess.StartTicks(p) == startTicks),
            signal, grace, ct);

    /// <paramref name="proven"/> says whether the pid is the service; it is asked again before each signal, with the
    /// start time it had, so a pid that ends and is reused while the service shuts down is never signalled.
    public static async Task<StopOutcome> StopAsync(int pid, Func<int, bool> proven, int signal, TimeSpan grace, CancellationToken ct)
    {
        if (!ServiceProcess.IsAlive(pid)) return StopOutcome.Gone;
        if (!proven(pid) || ServiceProcess.StartTicks(pid) is not { } ticks) return StopOutcome.NotOurs;
        ServiceProcess.Signal(pid, signal);
        if (await ServiceProcess.WaitForExitAsync(pid, grace, ct)) return StopOutcome.Stopped;
        if (ServiceProcess.StartTicks(pid) != ticks) return StopOutcome.Stopped;
        ServiceProcess.Signal(pid, ServiceProcess.SigKill);
        return await ServiceProcess.WaitForExitAsync(pid, TimeSpan.FromSeconds(5), ct) ? StopOutcome.Stopped : StopOutcome.StillRunning;
    }
}
