using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// Reads one top-level JSON value from a buffer (whitespace-separated objects or arrays: NDJSON or pretty-printed,
/// with or without a final newline) and turns it into a row, streaming with Utf8JsonReader: no string per key, no
/// document. Objects map by member (ColumnMap), arrays by element through $[n] JSONPaths. A record cut by the end of
/// the buffer is re-read from its start once more bytes are in. Flat records go through FlatRecordScanner first (off
/// with <paramref name="flatFastPath"/> false, which the tests use to compare both paths). The hot methods are compiled
/// optimised at once: StageCopy runs once per process, so tier-0 code would slow a whole load.
/// </summary>
public sealed class RecordParser(ColumnMap map, ValueConverter converter, RowBuilder row, bool flatFastPath = true)
{
    static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, AllowMultipleValues = true };
    readonly MemberLookup _members = new(map);
    readonly PathWalker _walker = new(converter, row);
    readonly FlatRecordScanner? _flat = flatFastPath && FlatRecordScanner.Applies(map) ? new FlatRecordScanner(map, converter, row) : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RecordOutcome Parse(ReadOnlySpan<byte> data, bool final, CopyBatch batch)
    {
        var start = data.Length - data.TrimStart(" \t\r\n"u8).Length;
        if (start == data.Length) return new(final ? RecordStatus.End : RecordStatus.NeedMore, start, start);
        var span = data[start..];
        return _flat?.Parse(span, start, batch) ?? General(data, span, start, final, batch);
    }

    /// The record through Utf8JsonReader; its own method, so that a record the fast path takes does not pay for
    /// zeroing the reader and the key buffer (see FlatRecordScanner.ByReader).
    [MethodImpl(MethodImplOptions.NoInlining)]
    RecordOutcome General(ReadOnlySpan<byte> data, ReadOnlySpan<byte> span, int start, bool final, CopyBatch batch)
    {
        var reader = new Utf8JsonReader(span, final, new JsonReaderState(Options));
        Span<char> keyBuffer = stackalloc char[128];
        try
        {
            if (!reader.Read()) return Incomplete(final, start, data.Length);
            if (reader.TokenType == JsonTokenType.StartArray && map.ArrayRoot)
                return Array(ref reader, span, start, final, data.Length, batch);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                if (!reader.TrySkip()) return Incomplete(final, start, data.Length);
                var text = Encoding.UTF8.GetString(span[..(int)reader.BytesConsumed]);
                var notObject = map.ArrayRoot
                    ? ValueError.NoSuchElement(map.Paths[0].Text)
                    : new ValueError(ErrorCodes.InvalidLine, reader.TokenType == JsonTokenType.StartArray
                        ? "Invalid JSON record: an array, which needs a JSONPaths file of $[n] expressions" : "Invalid JSON record: not an object or array", text);
                return new(RecordStatus.Row, start + (int)reader.BytesConsumed, start, notObject);
            }
            if (map.ArrayRoot)
            {
                if (!reader.TrySkip()) return Incomplete(final, start, data.Length);
                return new(RecordStatus.Row, start + (int)reader.BytesConsumed, start, ValueError.NoSuchElement(map.Paths[0].Text));
            }
            row.BeginRow();
            ValueError? error = null;
            var errorColumn = -1;
            while (true)
            {
                if (!reader.Read()) return Incomplete(final, start, data.Length);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                var targets = _members.Find(ref reader, keyBuffer);
                if (!reader.Read()) return Incomplete(final, start, data.Length);
                if (!Value(ref reader, span, targets, ref error, ref errorColumn)) return Incomplete(final, start, data.Length);
            }
            if (error is null) row.AppendTo(batch);
            return new(RecordStatus.Row, start + (int)reader.BytesConsumed, start, error, errorColumn);
        }
        catch (JsonException e)
        {
            return new(RecordStatus.Broken, start, start, new ValueError(ErrorCodes.InvalidLine, "Invalid JSON: " + Reason(e), ""));
        }
    }

    /// A record that is an array: element n feeds the columns of the $[n]… expressions; too few elements fails COPY.
    RecordOutcome Array(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, int start, bool final, int length, CopyBatch batch)
    {
        row.BeginRow();
        ValueError? error = null;
        var errorColumn = -1;
        var count = 0;
        while (true)
        {
            if (!reader.Read()) return Incomplete(final, start, length);
            if (reader.TokenType == JsonTokenType.EndArray) break;
            if (!Value(ref reader, span, map.Element(count++), ref error, ref errorColumn)) return Incomplete(final, start, length);
        }
        if (count < map.ElementsNeeded && error is not { Fatal: true })
        {
            var missing = map.Paths.First(p => p.Steps[0].Index >= count);
            (error, errorColumn) = (ValueError.NoSuchElement(missing.Text), map.Paths.ToList().IndexOf(missing));
        }
        if (error is null) row.AppendTo(batch);
        return new(RecordStatus.Row, start + (int)reader.BytesConsumed, start, error, errorColumn);
    }

    /// The value the reader stands on, into every target that maps it; false when the value is cut by the buffer's end.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    bool Value(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, MemberTarget[]? targets, ref ValueError? error, ref int errorColumn)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var valueStart = (int)reader.TokenStartIndex;
            if (!reader.TrySkip()) return false;
            if (targets is null || error is not null) return true;
            var json = span[valueStart..(int)reader.BytesConsumed];
            foreach (var t in targets)
                if ((t.Rest.Length == 0 ? converter.Container(json, t.Column, row) : _walker.Deep(json, t, map.Paths)) is { } e && error is null)
                    (error, errorColumn) = (e, t.Column);
        }
        else if (targets is not null && error is null)
        {
            foreach (var t in targets)
                if ((t.Rest.Length == 0 ? converter.Scalar(ref reader, t.Column, row) : _walker.BelowScalar(ref reader, t, map.Paths)) is { } e && error is null)
                    (error, errorColumn) = (e, t.Column);
        }
        return true;
    }

    static RecordOutcome Incomplete(bool final, int start, int length) => final
        ? new(RecordStatus.Broken, start, start, new ValueError(ErrorCodes.InvalidLine, "Invalid JSON: the record is not closed before the end of the file", ""))
        : new(RecordStatus.NeedMore, start, start);

    // The reader's position is relative to the record; the caller reports the record's own line.
    static string Reason(JsonException e) => e.Message.Split(" LineNumber:")[0].Trim();
}
