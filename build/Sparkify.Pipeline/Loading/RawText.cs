using System.Text;

namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Raw input made storable in PostgreSQL text for load_errors: a NUL byte (which text cannot hold) becomes \x00 and
/// each byte of an invalid UTF-8 sequence becomes \xNN; everything else is kept as it was. Backslashes are not
/// doubled: raw JSON lines are full of them, and \x is no JSON escape, so the marks cannot be mistaken for input.
/// </summary>
public static class RawText
{
    public static string Escape(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8) && !utf8.Contains((byte)0)) return Encoding.UTF8.GetString(utf8);
        var text = new StringBuilder(utf8.Length + 16);
        while (!utf8.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(utf8, out var rune, out var used);
            if (status == System.Buffers.OperationStatus.Done && rune.Value != 0) text.Append(rune.ToString());
            else
                foreach (var b in utf8[..Math.Max(used, 1)]) text.Append($"\\x{b:x2}");
            utf8 = utf8[Math.Max(used, 1)..];
        }
        return text.ToString();
    }

    /// A string made storable: NUL as \x00, a lone surrogate as \uXXXX (Npgsql's strict UTF-8 would refuse it).
    public static string Storable(string text)
    {
        if (!text.AsSpan().ContainsAny('\0', '\uD800', '\uDFFF') && !HasSurrogate(text)) return text;
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') result.Append("\\x00");
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) result.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c)) result.Append($"\\u{(int)c:x4}");
            else result.Append(c);
        }
        return result.ToString();
    }

    static bool HasSurrogate(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
}
