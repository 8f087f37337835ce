using System.Runtime.InteropServices;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM both cancel the run's token: the target in progress stops, its open transaction rolls
/// back, and Cake's Teardown still writes the run summary (status "cancelled"). A second signal stops at once.
/// </summary>
public sealed class RunCancellation : IDisposable
{
    readonly CancellationTokenSource _cts = new();
    readonly List<PosixSignalRegistration> _registrations = [];
    readonly PipelineLog _log;
    int _signals;

    public RunCancellation(PipelineLog log)
    {
        _log = log;
        // PosixSignalRegistration also maps Ctrl+C and console close on Windows; SIGTERM is what `kill`, systemd,
        // docker stop and CI timeouts send (https://learn.microsoft.com/dotnet/api/system.runtime.interopservices.posixsignalregistration).
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    public CancellationToken Token => _cts.Token;

    /// "SIGINT" or "SIGTERM" once a signal cancelled the run; null otherwise.
    public string? Signal { get; private set; }

    /// The exit code of a cancelled run, as a shell reports a process ended by that signal: 130 or 143.
    public int? ExitCode => Signal switch { "SIGINT" => 130, "SIGTERM" => 143, _ => null };

    void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            // The second signal: the default action, the process ends now (no summary).
            context.Cancel = false;
            return;
        }
        context.Cancel = true;
        Signal = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        _log.Warning($"{(Signal == "SIGINT" ? "Ctrl+C" : "SIGTERM")}: cancelling; the target in progress rolls back its open " +
                     "transaction and the run summary is written. Send it again to stop at once");
        _cts.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cts.Dispose();
    }
}
