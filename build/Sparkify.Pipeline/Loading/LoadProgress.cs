using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Live counters of one table's load, updated by the loader's threads and read by whoever prints progress
/// (<see cref="LoadContext.OnStart"/> hands it over when the load starts).
/// </summary>
public sealed class LoadProgress(string table)
{
    SourceObject? _failed;
    long _objectsDone, _objectsTotal, _rows, _bytes, _rejected, _readTicks, _parseTicks, _writeTicks;

    public string Table { get; } = table;
    public long ObjectsDone => Interlocked.Read(ref _objectsDone);
    public long ObjectsTotal => Interlocked.Read(ref _objectsTotal);
    public long Rows => Interlocked.Read(ref _rows);
    public long Bytes => Interlocked.Read(ref _bytes);
    public long Rejected => Interlocked.Read(ref _rejected);

    /// The first object whose reading failed the load (past MAXERROR, unreadable, a record COPY cannot take), if any.
    public SourceObject? FailedObject => _failed;

    internal void AddObjects(int total) => Interlocked.Add(ref _objectsTotal, total);
    internal void ObjectDone() => Interlocked.Increment(ref _objectsDone);
    internal void AddRows(long rows) => Interlocked.Add(ref _rows, rows);
    internal void AddBytes(long bytes) => Interlocked.Add(ref _bytes, bytes);
    internal void AddRejected() => Interlocked.Increment(ref _rejected);
    internal void Failed(SourceObject source) => Interlocked.CompareExchange(ref _failed, source, null);

    /// Stopwatch ticks spent reading and parsing (summed over the parser threads) and writing the COPY.
    internal void AddReadParse(long read, long parse)
    {
        Interlocked.Add(ref _readTicks, read);
        Interlocked.Add(ref _parseTicks, parse);
    }

    internal void AddWrite(long ticks) => Interlocked.Add(ref _writeTicks, ticks);

    internal LoadPhases Phases(TimeSpan list, TimeSpan analyze) => new(list.TotalSeconds, Seconds(Interlocked.Read(ref _readTicks)),
        Seconds(Interlocked.Read(ref _parseTicks)), Seconds(Interlocked.Read(ref _writeTicks)), analyze.TotalSeconds);

    static double Seconds(long ticks) => (double)ticks / System.Diagnostics.Stopwatch.Frequency;
}
