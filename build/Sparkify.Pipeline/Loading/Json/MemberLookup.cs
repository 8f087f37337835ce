using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// One parser thread's key lookup: the member name as UTF-8 bytes against the mapped keys, trying first the key
/// that followed the previous match. Log lines write their keys in one order, so almost every lookup is one
/// comparison, with no characters decoded and no hash computed. 'auto ignorecase' and escaped keys go through the
/// map's case-insensitive, character lookup instead.
/// </summary>
public sealed class MemberLookup(ColumnMap map)
{
    readonly byte[][] _keys = map.Members.Select(m => Encoding.UTF8.GetBytes(m.Key)).ToArray();
    readonly MemberTarget[][] _targets = map.Members.Select(m => m.Value).ToArray();
    readonly bool _byCharacters = map.IgnoreCase;
    int _next;

    /// The targets of the property name the reader stands on, or null for a key no column maps.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MemberTarget[]? Find(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        if (_byCharacters || reader.ValueIsEscaped) return ByCharacters(ref reader, buffer);
        return Find(reader.ValueSpan);
    }

    /// The targets of an unescaped key given as its UTF-8 bytes (the fast path; never for 'auto ignorecase').
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MemberTarget[]? Find(ReadOnlySpan<byte> name)
    {
        var count = _keys.Length;
        for (int tried = 0, i = _next; tried < count; tried++, i = i + 1 == count ? 0 : i + 1)
        {
            if (!name.SequenceEqual(_keys[i])) continue;
            _next = i + 1 == count ? 0 : i + 1;
            return _targets[i];
        }
        return null;
    }

    MemberTarget[]? ByCharacters(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= buffer.Length)
        {
            var n = Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
            return map.TryFind(buffer[..n], out var t) ? t : null;
        }
        return map.TryFind(reader.GetString(), out var found) ? found : null;
    }
}
