using System.Text;
using System.Text.Json;
using Sparkify.Pipeline.Loading.Json;

namespace Sparkify.Pipeline.Tests.Loading;

/// The parser thread's string cache must give exactly what Utf8JsonReader.GetString() gives, only allocated once.
public class TextCacheTests
{
    /// Every string value of the JSON array, read through the cache as column `column`.
    static List<string> ReadAll(TextCache cache, string json, int column = 0) => ReadAll(cache, Encoding.UTF8.GetBytes(json), column);

    static List<string> ReadAll(TextCache cache, byte[] json, int column)
    {
        var reader = new Utf8JsonReader(json);
        var values = new List<string>();
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.String) values.Add(cache.Get(ref reader, column));
        return values;
    }

    [Test]
    public void A_repeated_value_comes_back_as_the_same_string_instance()
    {
        var values = ReadAll(new TextCache(1), """["NextSong", "Home", "NextSong"]""");

        Assert.That(values, Is.EqualTo(new[] { "NextSong", "Home", "NextSong" }));
        Assert.That(ReferenceEquals(values[0], values[2]), Is.True);
    }

    [Test]
    public void Escaped_and_non_ascii_values_read_as_GetString_reads_them()
    {
        var json = """["\"Mozilla/5.0\"", "Beyonc\u00e9", "Sigur Rós", "tab\there", "", "\"Mozilla/5.0\""]""";
        var expected = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.String) expected.Add(reader.GetString()!);

        var values = ReadAll(new TextCache(1), json);

        Assert.That(values, Is.EqualTo(expected));
        Assert.That(values[0], Is.EqualTo("\"Mozilla/5.0\""));
        Assert.That(ReferenceEquals(values[0], values[5]), Is.True);
    }

    [Test]
    public void Values_longer_than_the_cached_size_still_read_whole()
    {
        var longValue = new string('x', 2000);

        var values = ReadAll(new TextCache(1), $"""["{longValue}", "{longValue}"]""");

        Assert.That(values, Is.EqualTo(new[] { longValue, longValue }));
    }

    [Test]
    public void Each_column_keeps_its_own_values()
    {
        var cache = new TextCache(2);

        var first = ReadAll(cache, """["a"]""", column: 0);
        var second = ReadAll(cache, """["a"]""", column: 1);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(ReferenceEquals(first[0], second[0]), Is.False);
    }

    [Test]
    public void Invalid_utf8_fails_as_GetString_fails()
    {
        byte[] json = [(byte)'[', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']'];

        Assert.Throws<InvalidOperationException>(() => ReadAll(new TextCache(1), json, 0));
    }
}
