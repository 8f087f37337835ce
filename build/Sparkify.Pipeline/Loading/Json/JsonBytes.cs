using System.Buffers;
using System.Runtime.CompilerServices;

namespace Sparkify.Pipeline.Loading.Json;

/// The byte-level tests FlatRecordScanner finds its tokens with: a string's end, whitespace, RFC 8259's number.
static class JsonBytes
{
    // A string ends at a quote; a backslash or a control character (invalid unescaped, RFC 8259 section 7) needs care.
    // Most strings are a few bytes long, too short for a vectorised search to pay: a table lookup per byte first.
    static readonly SearchValues<byte> StringStops = SearchValues.Create([(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);
    const int ScalarBytes = 24;

    /// RFC 8259's number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    public static bool IsNumber(ReadOnlySpan<byte> n)
    {
        var i = 0;
        if (i < n.Length && n[i] == '-') i++;
        if (i >= n.Length || !char.IsAsciiDigit((char)n[i])) return false;
        if (n[i] == '0') i++;
        else while (i < n.Length && char.IsAsciiDigit((char)n[i])) i++;
        if (i < n.Length && n[i] == '.')
        {
            if (++i >= n.Length || !char.IsAsciiDigit((char)n[i])) return false;
            while (i < n.Length && char.IsAsciiDigit((char)n[i])) i++;
        }
        if (i < n.Length && n[i] is (byte)'e' or (byte)'E')
        {
            if (++i < n.Length && n[i] is (byte)'+' or (byte)'-') i++;
            if (i >= n.Length || !char.IsAsciiDigit((char)n[i])) return false;
            while (i < n.Length && char.IsAsciiDigit((char)n[i])) i++;
        }
        return i == n.Length;
    }

    /// The first quote, backslash or control character at or after <paramref name="at"/>, or the span's length.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StringEnd(ReadOnlySpan<byte> span, int at)
    {
        var stops = Stops;
        for (var scalarEnd = Math.Min(span.Length, at + ScalarBytes); at < scalarEnd; at++)
            if (stops[span[at]] != 0) return at;
        if (at >= span.Length) return at;
        var found = span[at..].IndexOfAny(StringStops);
        return found < 0 ? span.Length : at + found;
    }

    /// 1 for the bytes that end a string's plain run: control characters, the quote and the backslash (a 256-byte
    /// constant, so a byte indexes it without a bounds check).
    static ReadOnlySpan<byte> Stops =>
    [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipSpace(ReadOnlySpan<byte> span, int at)
    {
        while (at < span.Length && span[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') at++;
        return at;
    }
}
