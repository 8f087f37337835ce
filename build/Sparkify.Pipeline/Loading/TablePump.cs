using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using Sparkify.Pipeline.Loading.Json;
using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Loading.Writing;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Moves one table's objects into one binary COPY: N parser threads (objects read concurrently, at least 8 in
/// flight for S3) parse and encode rows into pooled batches of COPY bytes; a bounded channel takes them to a
/// single writer, so memory stays flat whatever the data size. The first failure on any thread stops them all.
/// </summary>
public static class TablePump
{
    /// freeze: the table was truncated in this transaction; objectIds: every object carries its ledger id, which
    /// each of its rows gets as a last column; counted: receives each object's rows written by object id (null when
    /// a ts of column tsColumn lies beyond the days the client computes).
    public static async Task<long> RunAsync(NpgsqlConnection connection, CopyCommand copy, IReadOnlyList<TargetColumn> columns,
        ColumnMap map, IReadOnlyList<SourceObject> objects, LoadErrorLog errors, LoadProgress progress, CancellationToken ct,
        bool freeze = true, bool objectIds = false, ConcurrentDictionary<long, ObjectRows?>? counted = null, int tsColumn = -1)
    {
        var parallelism = Parallelism(copy.Options, objects);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // One full batch per parser may wait: when the server is behind, more would only hold memory, not speed it up.
        var channel = Channel.CreateBounded<CopyBatch>(new BoundedChannelOptions(parallelism) { SingleReader = true });
        var pool = new BatchPool();
        var queue = new ConcurrentQueue<SourceObject>(objects);

        await using var writer = await BinaryCopyWriter.BeginAsync(connection, copy.Table, columns, ct, freeze, objectIds);
        var writing = Guarded(cts, async () =>
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cts.Token))
            {
                var started = Stopwatch.GetTimestamp();
                await writer.WriteAsync(batch, cts.Token);
                progress.AddWrite(Stopwatch.GetTimestamp() - started);
                if (PausePoint.Armed) PausePoint.Reach($"copy:{copy.Table}:mid", cts.Token);
                progress.AddRows(batch.Rows);
                pool.Return(batch);
            }
        });
        var parsing = Enumerable.Range(0, parallelism).Select(_ => Guarded(cts, async () =>
        {
            var rows = new RowBuilder(columns, objectIds, tsColumn);
            var parser = new RecordParser(map, new ValueConverter(columns, copy.Options), rows);
            var reader = new ObjectReader(parser, columns, copy.Table, copy.Options, errors, progress);
            var sink = new BatchSink(channel.Writer, pool);
            while (queue.TryDequeue(out var source))
            {
                rows.ObjectId = source.ObjectId ?? 0;
                rows.Tally.Reset();
                try
                {
                    await reader.ReadAsync(source, sink, cts.Token);
                }
                catch (Exception e) when (e is PipelineException or MaxErrorExceededException)
                {
                    progress.Failed(source);
                    throw;
                }
                if (counted is not null) counted[rows.ObjectId] = rows.Tally.Exact ? rows.Tally.ToRows() : null;
                progress.ObjectDone();
            }
            await sink.FlushAsync(cts.Token);
        })).ToList();

        try
        {
            await Task.WhenAll(parsing);
            channel.Writer.Complete();
            await writing;
        }
        catch
        {
            cts.Cancel();
            channel.Writer.TryComplete();
            await Task.WhenAll(parsing.Append(writing)).ContinueWith(_ => { }, TaskScheduler.Default);
            throw First(parsing.Append(writing), ct);
        }
        var completing = Stopwatch.GetTimestamp();
        await writer.CompleteAsync(ct);
        progress.AddWrite(Stopwatch.GetTimestamp() - completing);
        return writer.Rows;
    }

    /// Parser threads for a load; the benchmark uses it too, to fetch from S3 as the loader does.
    public static int Parallelism(CopyOptions options, IReadOnlyList<SourceObject> objects)
    {
        // Small S3 objects cost a round trip each: keep at least 8 requests in flight.
        var wanted = objects.Any(o => o.Store is S3ObjectStore) ? Math.Max(8, options.Parallelism) : options.Parallelism;
        return Math.Clamp(wanted, 1, Math.Max(1, objects.Count));
    }

    static Task Guarded(CancellationTokenSource cts, Func<Task> work) => Task.Run(async () =>
    {
        try
        {
            await work();
        }
        catch
        {
            cts.Cancel();
            throw;
        }
    });

    /// The failure that started it all: MAXERROR or a real error before the cancellations it caused.
    static Exception First(IEnumerable<Task> tasks, CancellationToken ct)
    {
        var all = tasks.Where(t => t.Exception is not null).SelectMany(t => t.Exception!.InnerExceptions).ToList();
        return all.FirstOrDefault(e => e is MaxErrorExceededException)
               ?? all.FirstOrDefault(e => e is not OperationCanceledException)
               ?? new OperationCanceledException(ct);
    }
}
