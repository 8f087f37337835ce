using System.Text.Json;

namespace Sparkify.Pipeline.Loading.Json;

/// <summary>
/// One parser thread's memory of the strings it already made, per column: log data repeats a few values (page,
/// level, user agent, names) on every row, and a new string per value was most of the loader's garbage and its GC
/// time. The cache hands back an equal string; it is bounded in total characters, past which it just allocates.
/// Not thread-safe: each parser thread has its own (ValueConverter is per thread).
/// </summary>
public sealed class TextCache(int columns)
{
    const int MaxChars = 512;
    const int CharBudget = 512 << 10;

    readonly Dictionary<string, string>?[] _byColumn = new Dictionary<string, string>?[columns];
    readonly char[] _buffer = new char[MaxChars];
    int _chars;

    /// The reader's current string token as a string, equal to reader.GetString() (which it falls back to).
    public string Get(ref Utf8JsonReader reader, int column)
    {
        // Escaped text is never longer than its JSON form: what fits as bytes fits as characters.
        if (reader.HasValueSequence || reader.ValueSpan.Length > MaxChars) return reader.GetString()!;
        int written;
        try
        {
            written = reader.CopyString(_buffer);
        }
        catch (InvalidOperationException)
        {
            return reader.GetString()!; // invalid UTF-8 fails exactly as it did without the cache
        }
        var key = _buffer.AsSpan(0, written);
        var known = _byColumn[column] ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var found)) return found;
        var value = new string(key);
        if (_chars + written <= CharBudget)
        {
            known[value] = value;
            _chars += written;
        }
        return value;
    }
}
