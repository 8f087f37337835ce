namespace Sparkify.Pipeline.Runs;

/// <summary>
/// A test hook for the crash matrix: with SPARKIFY_PAUSE_AT=NAME in the environment, the run prints
/// "pause point NAME reached" when it gets to the point of that name and waits there (at most 10 minutes), so a test
/// can kill the process at a known place; a signal's cancellation ends the wait as it would end the work there.
/// Without the variable a point costs one null check.
/// </summary>
public static class PausePoint
{
    public const string Variable = "SPARKIFY_PAUSE_AT";
    static readonly string? Wanted = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name ? name : null;

    /// Pauses here when this is the wanted point; names read "target:where", e.g. "transform:after:40_time.sql".
    public static void Reach(string name, CancellationToken ct)
    {
        if (Wanted is null || !string.Equals(Wanted, name, StringComparison.OrdinalIgnoreCase)) return;
        Console.Out.WriteLine($"pause point {name} reached (pid {Environment.ProcessId}); waiting to be killed");
        Console.Out.Flush();
        ct.WaitHandle.WaitOne(TimeSpan.FromMinutes(10));
        ct.ThrowIfCancellationRequested();
    }

    /// True when a point of this name is wanted: lets hot loops skip building the name.
    public static bool Armed => Wanted is not null;
}
