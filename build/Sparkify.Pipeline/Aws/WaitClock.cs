namespace Sparkify.Pipeline.Aws;

/// Time as a waiter sees it: tests script it so a waiter runs through minutes of statuses in no time.
public sealed record WaitClock(Func<DateTimeOffset> Now, Func<TimeSpan, CancellationToken, Task> Delay)
{
    public static readonly WaitClock Real = new(() => DateTimeOffset.UtcNow, Task.Delay);
}
