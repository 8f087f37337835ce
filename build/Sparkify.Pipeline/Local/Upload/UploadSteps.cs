using System.Diagnostics;

namespace Sparkify.Pipeline.Local.Upload;

/// The sample upload's time per step (seconds, wall time, rounded to the millisecond), for its log line.
public sealed class UploadSteps(Stopwatch clock)
{
    readonly OrderedDictionary<string, double> _seconds = new(StringComparer.Ordinal);
    TimeSpan _last = clock.Elapsed;

    public IReadOnlyDictionary<string, double> Seconds => _seconds;

    /// Ends the step <paramref name="name"/> now: the time since the previous step ended.
    public void Done(string name)
    {
        var now = clock.Elapsed;
        _seconds[name] = Math.Round((now - _last).TotalSeconds, 3);
        _last = now;
    }

    /// "stat 0.05, list 0.12, …" in the order the steps ran.
    public static string Line(IReadOnlyDictionary<string, double> steps) => string.Join(", ", steps.Select(s => $"{s.Key} {s.Value:0.000}"));
}
