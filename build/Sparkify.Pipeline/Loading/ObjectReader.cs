using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Amazon.Runtime;
using Sparkify.Pipeline.Loading.Json;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// One parser thread: streams objects through a reusable buffer (it grows only for a record larger than it),
/// skips IGNOREHEADER lines at the start of each, parses records into its batch and reports rejected records with
/// the line each starts on. A record over the guide's 4 MB fails the COPY as soon as it is known to be one.
/// </summary>
public sealed class ObjectReader(RecordParser parser, IReadOnlyList<TargetColumn> columns, string table, CopyOptions options,
    LoadErrorLog errors, LoadProgress progress)
{
    const int MaxRecordBytes = ValueError.MaxRecordBytes;

    /// A line of broken JSON is skipped up to its newline; one without a newline for this long fails the load.
    const int MaxBufferBytes = 64 << 20;
    enum Next { Continue, NeedMore, Full, End }

    byte[] _buffer = new byte[64 << 10];
    int _start, _end;
    bool _eof;
    long _line;
    long _readTicks, _waitTicks;

    public async Task ReadAsync(SourceObject source, BatchSink sink, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        (_readTicks, _waitTicks) = (0, 0);
        try
        {
            await using var raw = await source.Store.OpenAsync(source.Key, ct);
            _readTicks = Stopwatch.GetTimestamp() - started;
            await using var stream = options.Gzip ? new GzipObjectStream(raw) : raw;
            (_start, _end, _eof, _line) = (0, 0, false, 1);
            await FillAsync(stream, source, ct);
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8)) _start = 3;
            await SkipHeaderAsync(stream, source, ct);
            while (true)
            {
                switch (Step(source, sink.Current))
                {
                    case Next.End: return;
                    case Next.NeedMore: await FillAsync(stream, source, ct); break;
                    case Next.Full: await FlushAsync(sink, ct); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or AmazonServiceException or HttpRequestException)
        {
            throw new PipelineException(options.Gzip && e is InvalidDataException
                ? $"COPY {table}: GZIP object {source.Name} {e.Message}; nothing of {table} was committed. Re-upload the object whole, or drop GZIP if it is not compressed"
                : $"COPY {table}: reading {source.Name} failed: {e.Message}");
        }
        finally
        {
            // Parse is the rest of the object's time less reading and waiting for the writer (the channel is full).
            progress.AddReadParse(_readTicks, Stopwatch.GetTimestamp() - started - _readTicks - _waitTicks);
        }
    }

    /// IGNOREHEADER: the first lines of the object are not read as data; a file with fewer lines is skipped whole.
    async Task SkipHeaderAsync(Stream stream, SourceObject source, CancellationToken ct)
    {
        for (var skip = options.IgnoreHeader; skip > 0;)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            var newline = data.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Advance(data, newline + 1);
                skip--;
                continue;
            }
            _start = _end;
            if (_eof) return;
            await FillAsync(stream, source, ct);
        }
    }

    async ValueTask FlushAsync(BatchSink sink, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await sink.FlushAsync(ct);
        _waitTicks += Stopwatch.GetTimestamp() - started;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    Next Step(SourceObject source, CopyBatch batch)
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        var outcome = parser.Parse(data, _eof, batch);
        switch (outcome.Status)
        {
            case RecordStatus.End:
                return Next.End;
            case RecordStatus.NeedMore:
                if (data.Length - outcome.Consumed > MaxRecordBytes) TooLarge(source, data, outcome.Consumed, data.Length);
                Advance(data, outcome.Consumed);
                return Next.NeedMore;
            case RecordStatus.Row:
                if (outcome.Consumed - outcome.RecordStart > MaxRecordBytes) TooLarge(source, data, outcome.RecordStart, outcome.Consumed);
                if (outcome.Error is not null) Reject(source, data, outcome, outcome.Consumed);
                Advance(data, outcome.Consumed);
                return batch.IsFull ? Next.Full : Next.Continue;
            default:
                // Broken JSON: reject up to the end of its line and go on with the next line.
                var newline = data[outcome.RecordStart..].IndexOf((byte)'\n');
                if (newline < 0 && !_eof)
                {
                    Advance(data, outcome.RecordStart);
                    return Next.NeedMore;
                }
                var end = newline < 0 ? data.Length : outcome.RecordStart + newline + 1;
                Reject(source, data, outcome, end);
                Advance(data, end);
                return Next.Continue;
        }
    }

    void Advance(ReadOnlySpan<byte> data, int consumed)
    {
        _line += data[..consumed].Count((byte)'\n');
        _start += consumed;
    }

    void TooLarge(SourceObject source, ReadOnlySpan<byte> data, int start, int end) =>
        Reject(source, data, new RecordOutcome(RecordStatus.Broken, end, start, ValueError.RecordTooLarge(end - start)), end);

    void Reject(SourceObject source, ReadOnlySpan<byte> data, RecordOutcome outcome, int end)
    {
        // STL_LOAD_ERRORS' LINE_NUMBER is "the last line of the JSON object that caused the error" ("COPY from JSON format");
        // a broken record has no known last line, so it is reported at the line it starts on.
        var line = _line + data[..(outcome.Status == RecordStatus.Row ? Math.Max(outcome.RecordStart, end - 1) : outcome.RecordStart)].Count((byte)'\n');
        var record = data[outcome.RecordStart..Math.Min(end, outcome.RecordStart + 4 * LoadError.MaxRawLength)];
        var column = outcome.Column >= 0 ? columns[outcome.Column] : null;
        var error = outcome.Error!;
        progress.AddRejected();
        var within = errors.Add(new LoadError(table, source.Name, line, column?.Name, column?.Kind.ToString().ToLowerInvariant(),
            column?.MaxLength, LoadError.Truncate(RawText.Escape(record).TrimEnd()), LoadError.Truncate(RawText.Storable(error.RawValue)),
            error.Code, error.Reason));
        if (error.Fatal)
            throw new PipelineException($"COPY {table} failed at {source.Name} line {line}" + (column is null ? "" : $", column {column.Name}") +
                                        $": {error.Reason}. Redshift fails the whole COPY on this whatever MAXERROR says; nothing of {table} was committed. " +
                                        error.Hint);
        if (!within) throw new MaxErrorExceededException();
    }

    async Task FillAsync(Stream stream, SourceObject source, CancellationToken ct)
    {
        if (_eof) return;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _start) = (_end - _start, 0);
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxBufferBytes)
                throw new PipelineException($"COPY {table}: {source.Name} near line {_line} holds a line of more than {MaxBufferBytes >> 20} MB that is no JSON record");
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var started = Stopwatch.GetTimestamp();
        // A local file reads from the page cache at once: its ReadAsync would queue every read to the thread pool and
        // allocate for it (about 15 MB of garbage at scale 300), for a thread that parses right after anyway.
        var read = stream is FileStream { IsAsync: false } file ? file.Read(_buffer, _end, _buffer.Length - _end) : await stream.ReadAsync(_buffer.AsMemory(_end), ct);
        _readTicks += Stopwatch.GetTimestamp() - started;
        if (read == 0) _eof = true;
        _end += read;
        progress.AddBytes(read);
    }
}
