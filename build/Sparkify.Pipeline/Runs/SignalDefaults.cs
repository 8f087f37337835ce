using System.Runtime.InteropServices;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// A shell without job control starts background commands with SIGINT ignored (POSIX, "Signals", for asynchronous
/// lists), and the .NET runtime leaves an inherited SIG_IGN alone, so `kill -INT` of a backgrounded ./build.sh did
/// nothing (issue 11). The pipeline treats SIGINT as "cancel" wherever it was started: it restores the default
/// disposition before registering its own handler.
/// </summary>
static class SignalDefaults
{
    const int SigInt = 2;
    static readonly IntPtr SigDfl = IntPtr.Zero;
    static readonly IntPtr SigIgn = new(1);

    public static void UnignoreInterrupt()
    {
        try
        {
            var previous = Signal(SigInt, SigDfl);
            // Anything but SIG_IGN (the runtime's own handler) goes back as it was.
            if (previous != SigIgn) Signal(SigInt, previous);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "signal")]
    static extern IntPtr Signal(int signum, IntPtr handler);
}
