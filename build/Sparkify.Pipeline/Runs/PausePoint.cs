namespace Sparkify.Pipeline.Runs;

/// <summary>
/// A test hook for the crash matrix: with SPARKIFY_PAUSE_AT=NAME in the environment, the run prints
/// "pause point NAME reached" when it gets to the point of that name and waits there (10 minutes by default), so a test
/// can kill the process at a known place; a signal's cancellation ends the wait as it would end the work there.
/// NAME@SECONDS pauses that long, then goes on (a run that holds the writer lock for a while, for example).
/// A run pauses once: a point reached again (copy:TABLE:mid comes after every COPY batch) goes straight on, or a
/// NAME@40 run would wait 40 s per batch and not finish for many minutes.
/// With SPARKIFY_PAUSE_RELEASE=PATH as well, the pause also ends as soon as that file exists (a test that has done its
/// checks while the run holds the writer lock lets it go on, however busy the machine is).
/// Without the variable a point costs one null check.
/// </summary>
public static class PausePoint
{
    public const string Variable = "SPARKIFY_PAUSE_AT";
    public const string ReleaseVariable = "SPARKIFY_PAUSE_RELEASE";
    static readonly string? Release = Environment.GetEnvironmentVariable(ReleaseVariable) is { Length: > 0 } path ? path : null;
    static readonly string? Setting = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
    static readonly string? Wanted = Setting?.Split('@')[0];
    static int _paused;
    static readonly TimeSpan Pause = Setting?.Split('@') is [_, var seconds] && int.TryParse(seconds, out var s)
        ? TimeSpan.FromSeconds(s)
        : TimeSpan.FromMinutes(10);

    /// Pauses here when this is the wanted point; names read "target:where", e.g. "transform:after:45_time.sql".
    public static void Reach(string name, CancellationToken ct)
    {
        if (Wanted is null || !string.Equals(Wanted, name, StringComparison.OrdinalIgnoreCase)) return;
        if (Interlocked.Exchange(ref _paused, 1) == 1) return;
        Console.Out.WriteLine($"pause point {name} reached (pid {Environment.ProcessId}); waiting {Pause.TotalSeconds:0} s to be killed");
        Console.Out.Flush();
        var until = DateTime.UtcNow + Pause;
        while (DateTime.UtcNow < until && !(Release is not null && File.Exists(Release)))
            if (ct.WaitHandle.WaitOne(Release is null ? Pause : TimeSpan.FromMilliseconds(200))) break;
        ct.ThrowIfCancellationRequested();
    }

    /// True when a point of this name is wanted: lets hot loops skip building the name.
    public static bool Armed => Wanted is not null;
}
