using System.Collections.Concurrent;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// The rejected records of one table's load, shared by its parser threads. It keeps at most MAXERROR + 1 of them:
/// the one past MAXERROR fails the load, so more would never be reported.
/// </summary>
public sealed class LoadErrorLog(int maxError)
{
    readonly ConcurrentQueue<LoadError> _errors = new();
    int _count;

    public int MaxError { get; } = maxError;
    public int Count => Math.Min(Volatile.Read(ref _count), MaxError + 1);
    public bool Exceeded => Volatile.Read(ref _count) > MaxError;

    /// Records the error; false once the count is past MAXERROR (the load must stop).
    public bool Add(LoadError error)
    {
        var n = Interlocked.Increment(ref _count);
        if (n <= MaxError + 1) _errors.Enqueue(error);
        return n <= MaxError;
    }

    /// The errors in file and line order (threads find them in any order).
    public IReadOnlyList<LoadError> Sorted() =>
        _errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();

    /// The failure message: how many, the limit, and the first errors with file, line, column and reason.
    public string Describe(string table)
    {
        var first = Sorted().Take(5).Select(e => "\n  - " + e);
        return $"COPY {table} failed: more than MAXERROR {MaxError} rejected records; nothing of {table} was committed " +
               $"(details in load_errors). First errors:{string.Concat(first)}";
    }
}
