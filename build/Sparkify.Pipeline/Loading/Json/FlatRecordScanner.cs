using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Sparkify.Pipeline.Loading.Writing;
using static Sparkify.Pipeline.Loading.Json.JsonBytes;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// The fast path for the common record: one flat JSON object whose keys hold no escapes and whose values are
/// strings, numbers, true, false or null, all of it valid UTF-8 and whole in the buffer. It finds the tokens with
/// vectorised searches instead of Utf8JsonReader's general state machine and hands each value to the same
/// ValueConverter; a number or an escaped string is read by a Utf8JsonReader over that one token, so every value
/// converts exactly as on the general path. Anything else (nesting, an escaped key, a control character, a record
/// cut by the buffer, bad JSON) returns null untouched and RecordParser reads the record the general way, so errors
/// and their wording stay the general path's. Only for maps whose targets are whole top-level members.
/// </summary>
public sealed class FlatRecordScanner(ColumnMap map, ValueConverter converter, RowBuilder row)
{
    static readonly SearchValues<byte> NumberBytes = SearchValues.Create("0123456789+-.eE"u8);
    readonly MemberLookup _members = new(map);

    /// Whether the map can use this path at all: 'auto' (case-sensitive) or JSONPaths of top-level names only.
    public static bool Applies(ColumnMap map) =>
        !map.IgnoreCase && !map.ArrayRoot && map.Members.All(m => m.Value.All(t => t.Rest.Length == 0));

    /// The record at the start of <paramref name="span"/> into the batch; null when the general path must read it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RecordOutcome? Parse(ReadOnlySpan<byte> span, int start, CopyBatch batch)
    {
        if (span.IsEmpty || span[0] != '{') return null;
        row.BeginRow();
        ValueError? error = null;
        var errorColumn = -1;
        var at = SkipSpace(span, 1);
        if (at < span.Length && span[at] == '}') return Finish(at + 1, start, error, errorColumn, batch);
        while (true)
        {
            // "key" : value
            if (at >= span.Length || span[at] != '"') return null;
            var keyEnd = StringEnd(span, at + 1);
            if (keyEnd >= span.Length || span[keyEnd] != '"') return null;
            var targets = _members.Find(span[(at + 1)..keyEnd]);
            at = SkipSpace(span, keyEnd + 1);
            if (at >= span.Length || span[at] != ':') return null;
            at = SkipSpace(span, at + 1);
            if (at >= span.Length) return null;
            var valueStart = at;
            var kind = span[at];
            var escaped = false;
            if (kind == '"')
            {
                at++;
                while (true)
                {
                    at = StringEnd(span, at);
                    if (at >= span.Length || span[at] < 0x20) return null;
                    if (span[at] == '"') break;
                    escaped = true;
                    at += 2; // the escaped byte is never the closing quote; the token's own reader checks the escape
                    if (at >= span.Length) return null;
                }
                at++;
            }
            else if (kind is (byte)'-' or >= (byte)'0' and <= (byte)'9')
            {
                var end = span[at..].IndexOfAnyExcept(NumberBytes);
                if (end < 0 || !IsNumber(span.Slice(at, end))) return null;
                at += end;
            }
            else if (Literal(span[at..], "true"u8) || Literal(span[at..], "null"u8)) at += 4;
            else if (Literal(span[at..], "false"u8)) at += 5;
            else return null;
            var value = span[valueStart..at];
            if (targets is not null && error is null)
            {
                foreach (var t in targets)
                {
                    if (!Convert(value, kind, escaped, t.Column, out var e)) return null;
                    if (e is not null && error is null) (error, errorColumn) = (e, t.Column);
                }
            }
            else if (escaped) return null; // an escape no token reader will check: the general path does
            at = SkipSpace(span, at);
            if (at >= span.Length) return null;
            if (span[at] == '}') return Finish(at + 1, start, error, errorColumn, batch);
            if (span[at] != ',') return null;
            at = SkipSpace(span, at + 1);
        }
    }

    /// Utf8JsonReader does not check UTF-8 either: the character columns do (CharacterCell), other bytes are compared or parsed.
    RecordOutcome? Finish(int end, int start, ValueError? error, int errorColumn, CopyBatch batch)
    {
        if (error is null) row.AppendTo(batch);
        return new RecordOutcome(RecordStatus.Row, start + end, start, error, errorColumn);
    }

    /// One value into one column; false when the token is not valid JSON (the general path then reports it).
    bool Convert(ReadOnlySpan<byte> value, byte kind, bool escaped, int column, out ValueError? error)
    {
        error = null;
        switch (kind)
        {
            case (byte)'n':
                row.SetNull(column);
                return true;
            case (byte)'"' when !escaped && converter.TakesRawString(column, value.Length - 2):
                error = converter.RawString(value[1..^1], column, row);
                return true;
            case (byte)'"' when escaped && converter.EscapedText(value[1..^1], column, row, out error):
                return true;
            case (byte)'-' or >= (byte)'0' and <= (byte)'9' when converter.RawNumber(value, column, row, out error):
                return true;
        }
        return ByReader(value, column, out error);
    }

    /// The rare value the cases above do not take, through a reader over its one token. A method of its own: the
    /// JIT zeroes a Utf8JsonReader local (about 200 bytes) on every call of the method declaring it, and Convert runs
    /// for every value (issue 29, perf at scale 100: Convert's own share of the client's samples fell from 9.6% to 3.7%).
    [MethodImpl(MethodImplOptions.NoInlining)]
    bool ByReader(ReadOnlySpan<byte> value, int column, out ValueError? error)
    {
        error = null;
        try
        {
            var token = new Utf8JsonReader(value, isFinalBlock: true, default);
            if (!token.Read() || token.BytesConsumed != value.Length) return false;
            error = converter.Scalar(ref token, column, row);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    static bool Literal(ReadOnlySpan<byte> span, ReadOnlySpan<byte> word) => span.StartsWith(word);
}
