using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sparkify.Pipeline.Loading.Writing;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// Reads one top-level JSON object from a buffer (whitespace-separated objects: NDJSON or pretty-printed, with or
/// without a final newline) and turns it into a row, streaming with Utf8JsonReader: no string per key, no document.
/// A record cut by the end of the buffer is re-read from its start once more bytes are in. The hot methods are
/// compiled optimised at once: StageCopy runs once per process, so tier-0 code would slow a whole load.
/// </summary>
public sealed class RecordParser(ColumnMap map, ValueConverter converter, RowBuilder row)
{
    static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, AllowMultipleValues = true };
    readonly MemberLookup _members = new(map);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RecordOutcome Parse(ReadOnlySpan<byte> data, bool final, CopyBatch batch)
    {
        var start = data.Length - data.TrimStart(" \t\r\n"u8).Length;
        if (start == data.Length) return new(final ? RecordStatus.End : RecordStatus.NeedMore, start, start);
        var span = data[start..];
        var reader = new Utf8JsonReader(span, final, new JsonReaderState(Options));
        Span<char> keyBuffer = stackalloc char[128];
        try
        {
            if (!reader.Read()) return Incomplete(final, start, data.Length);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                if (!reader.TrySkip()) return Incomplete(final, start, data.Length);
                var text = Encoding.UTF8.GetString(span[..(int)reader.BytesConsumed]);
                return new(RecordStatus.Row, start + (int)reader.BytesConsumed, start,
                    new ValueError(ErrorCodes.InvalidLine, "Invalid JSON record: not an object", text));
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
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    var valueStart = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip()) return Incomplete(final, start, data.Length);
                    if (targets is null || error is not null) continue;
                    var json = span[valueStart..(int)reader.BytesConsumed];
                    foreach (var t in targets)
                        if ((t.Rest.Length == 0 ? converter.Container(json, t.Column, row) : Deep(json, t)) is { } e && error is null)
                            (error, errorColumn) = (e, t.Column);
                }
                else if (targets is not null && error is null)
                {
                    // A path that goes deeper than a scalar finds nothing: NULL, which BeginRow already set.
                    foreach (var t in targets)
                        if (t.Rest.Length == 0 && converter.Scalar(ref reader, t.Column, row) is { } e && error is null)
                            (error, errorColumn) = (e, t.Column);
                }
            }
            if (error is null) row.AppendTo(batch);
            return new(RecordStatus.Row, start + (int)reader.BytesConsumed, start, error, errorColumn);
        }
        catch (JsonException e)
        {
            return new(RecordStatus.Broken, start, start, new ValueError(ErrorCodes.InvalidLine, "Invalid JSON: " + Reason(e), ""));
        }
    }

    static RecordOutcome Incomplete(bool final, int start, int length) => final
        ? new(RecordStatus.Broken, start, start, new ValueError(ErrorCodes.InvalidLine, "Invalid JSON: the object is not closed before the end of the file", ""))
        : new(RecordStatus.NeedMore, start, start);

    /// Follows the rest of a JSONPath ($.a[2].b) inside a nested value; a missing member or element is NULL.
    ValueError? Deep(ReadOnlySpan<byte> json, MemberTarget target)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, default);
        reader.Read();
        foreach (var step in target.Rest)
            if (!(step.IsIndex ? Element(ref reader, step.Index) : Member(ref reader, step.Name!))) return null;
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return converter.Scalar(ref reader, target.Column, row);
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return converter.Container(json[start..(int)reader.BytesConsumed], target.Column, row);
    }

    static bool Member(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) return true;
            reader.Skip();
        }
        return false;
    }

    static bool Element(ref Utf8JsonReader reader, int index)
    {
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index) return true;
            reader.Skip();
        }
        return false;
    }

    // The reader's position is relative to the record; the caller reports the record's own line.
    static string Reason(JsonException e) => e.Message.Split(" LineNumber:")[0].Trim();
}
