using Spectre.Console;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Prints the loads in flight: objects, rows, bytes and rate per table. On a terminal (<c>live</c> given) a Spectre.Console
/// progress display, a bar per table redrawn in place, with the run's log lines printed above it (the log is diverted to
/// the display meanwhile, so the two never run together); otherwise (CI, a pipe, NO_COLOR) a plain log line every few
/// seconds, with no escape bytes.
/// </summary>
public sealed class ProgressPrinter : IAsyncDisposable
{
    readonly PipelineLog _log;
    readonly CancellationTokenSource _stop = new();
    readonly List<(LoadProgress Progress, DateTime Started)> _watched = [];
    readonly IDisposable? _diversion;
    readonly Task _loop;

    public ProgressPrinter(PipelineLog log, IAnsiConsole? live, TimeSpan? every = null)
    {
        _log = log;
        if (live is null) _loop = PlainAsync(every ?? TimeSpan.FromSeconds(5));
        else
        {
            _diversion = log.Divert(line => live.WriteLine(line));
            _loop = LiveAsync(live, every ?? TimeSpan.FromMilliseconds(250));
        }
    }

    /// The console of the live display on a terminal; null when output is redirected or NO_COLOR is set.
    public static IAnsiConsole? Terminal() =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null ? AnsiConsole.Console : null;

    /// Follows this table's load from now on (LoadContext.OnStart).
    public void Watch(LoadProgress progress)
    {
        lock (_watched) _watched.Add((progress, DateTime.UtcNow));
    }

    public static string Line(LoadProgress p, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        return $"{p.Table}: {p.ObjectsDone:N0}/{p.ObjectsTotal:N0} objects, {p.Rows:N0} rows, {p.Bytes / 1048576.0:N1} MB, " +
               $"{p.Rows / seconds:N0} rows/s" + (p.Rejected > 0 ? $", {p.Rejected:N0} rejected" : "");
    }

    (LoadProgress Progress, DateTime Started)[] Watched()
    {
        lock (_watched) return [.. _watched];
    }

    async Task PlainAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                if (Watched() is [.., var (p, started)]) _log.Information(Line(p, DateTime.UtcNow - started));
        }
        catch (OperationCanceledException) { }
    }

    Task LiveAsync(IAnsiConsole console, TimeSpan every) => console.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
        .StartAsync(async context =>
        {
            var bars = new Dictionary<LoadProgress, ProgressTask>();
            // A table whose objects are all read keeps the rate it ended with while the next one loads.
            var ended = new Dictionary<LoadProgress, TimeSpan>();
            void Draw()
            {
                foreach (var (p, started) in Watched())
                {
                    if (!bars.TryGetValue(p, out var bar)) bars[p] = bar = context.AddTask(p.Table, maxValue: 1);
                    bar.MaxValue = Math.Max(1, p.ObjectsTotal);
                    bar.Value = p.ObjectsDone;
                    var elapsed = ended.TryGetValue(p, out var end) ? end : DateTime.UtcNow - started;
                    if (p.ObjectsTotal > 0 && p.ObjectsDone == p.ObjectsTotal) ended.TryAdd(p, elapsed);
                    // The description is Spectre markup, masked and escaped as every log line is, then escaped as markup.
                    bar.Description = Markup.Escape(LogText.Line(Redact.Text(Line(p, elapsed))));
                }
            }
            while (!_stop.IsCancellationRequested)
            {
                Draw();
                try { await Task.Delay(every, _stop.Token); }
                catch (OperationCanceledException) { }
            }
            Draw();
        });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _diversion?.Dispose();
        _stop.Dispose();
    }
}
