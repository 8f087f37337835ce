namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Prints the load in flight: objects, rows, bytes and rate. On a terminal one line rewritten in place twice a
/// second; otherwise (CI, a pipe) a log line every few seconds, so logs stay readable.
/// </summary>
public sealed class ProgressPrinter : IAsyncDisposable
{
    readonly PipelineLog _log;
    readonly bool _terminal;
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;
    LoadProgress? _current;
    DateTime _started;

    public ProgressPrinter(PipelineLog log, bool terminal, TimeSpan? every = null)
    {
        _log = log;
        _terminal = terminal;
        _loop = LoopAsync(every ?? (terminal ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(5)));
    }

    /// Follows this table's load from now on (LoadContext.OnStart).
    public void Watch(LoadProgress progress)
    {
        Finish();
        _current = progress;
        _started = DateTime.UtcNow;
    }

    public static string Line(LoadProgress p, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        return $"{p.Table}: {p.ObjectsDone:N0}/{p.ObjectsTotal:N0} objects, {p.Rows:N0} rows, {p.Bytes / 1048576.0:N1} MB, " +
               $"{p.Rows / seconds:N0} rows/s" + (p.Rejected > 0 ? $", {p.Rejected:N0} rejected" : "");
    }

    async Task LoopAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                if (_current is { } p) Print(p);
        }
        catch (OperationCanceledException) { }
    }

    void Print(LoadProgress p)
    {
        var line = Line(p, DateTime.UtcNow - _started);
        if (_terminal) Console.Out.Write("\r" + LogText.Line(Redact.Text(line)).PadRight(Width));
        else _log.Information(line);
    }

    void Finish()
    {
        if (_terminal && _current is not null) Console.Out.Write("\r" + new string(' ', Width) + "\r");
        _current = null;
    }

    static int Width
    {
        get
        {
            try { return Math.Max(0, Console.WindowWidth - 1); }
            catch (IOException) { return 79; }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Finish();
        _stop.Dispose();
    }
}
