namespace Sparkify.Pipeline;

/// The run's log. Lines are redacted before they reach any sink; structured values are formatted by the caller.
public sealed class PipelineLog(TextWriter output, bool verbose = false)
{
    readonly object _gate = new();
    Action<string>? _diverted;

    public static PipelineLog Console(bool verbose = false) => new(System.Console.Out, verbose);

    public bool IsVerbose => verbose;

    public void Information(string message) => Write("", message);

    public void Warning(string message) => Write("warning: ", message);

    public void Error(string message) => Write("error: ", message);

    public void Verbose(string message)
    {
        if (verbose) Write("  ", message);
    }

    /// Sends the lines to <paramref name="write"/> until the result is disposed: a live display on the terminal takes
    /// them, so it prints each above itself instead of the two running into each other.
    public IDisposable Divert(Action<string> write)
    {
        lock (_gate) _diverted = write;
        return new Diversion(this);
    }

    void Write(string prefix, string message)
    {
        // The one sink of the run's log: secrets masked, control characters escaped (data values arrive escaped whole).
        var line = prefix + LogText.Line(Redact.Text(message));
        lock (_gate)
        {
            if (_diverted is { } write) write(line);
            else output.WriteLine(line);
        }
    }

    sealed class Diversion(PipelineLog log) : IDisposable
    {
        public void Dispose()
        {
            lock (log._gate) log._diverted = null;
        }
    }
}
