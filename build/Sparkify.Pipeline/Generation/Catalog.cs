namespace Sparkify.Pipeline.Generation;

/// <summary>
/// The songs of song_data (71 per scale unit, as the real local subset) and the wider universe of songs the users
/// play that song_data does not hold. Every song is a pure function of the seed and its index, so song files
/// stream out one by one and an event can name any song without a table in memory.
/// </summary>
public sealed class Catalog
{
    public const int SongsPerScale = 71;
    const int ArtistsPerScale = 69;
    const int UniversePerScale = 2_500;

    readonly int _seed;

    public Catalog(GeneratorOptions options)
    {
        _seed = options.Seed;
        Songs = SongsPerScale * options.Scale;
        Artists = ArtistsPerScale * options.Scale;
        UniverseSongs = UniversePerScale * options.Scale;
    }

    public int Songs { get; }
    public int Artists { get; }
    public int UniverseSongs { get; }

    public Song Song(int index)
    {
        // The first Artists songs have an artist each; the rest share one, as a few real artists have two songs.
        var artist = index < Artists ? index : new Rng(_seed, 11, index).Next(0, Artists);
        var a = new Rng(_seed, 12, artist);
        var artistName = ArtistName(ref a, nonAsciiShare: 0.04);
        var hasPlace = a.Chance(0.6);
        var location = hasPlace ? a.Pick(Vocabulary.Cities) : "";
        // Real files: 40 of 71 without coordinates, 28 with an empty location; coordinates go with a location.
        var located = hasPlace && a.Chance(0.73);
        double? latitude = located ? Math.Round(a.NextDouble() * 100 - 40, 5) : null;
        double? longitude = located ? Math.Round(a.NextDouble() * 240 - 160, 5) : null;

        var s = new Rng(_seed, 13, index);
        var title = Title(ref s, nonAsciiShare: 0.06);
        var duration = Duration(ref s);
        var year = s.Chance(0.6) ? 0 : s.Next(1961, 2009);
        var trackId = "TR" + Letters(ref s, 5) + "12" + (s.Chance(0.5) ? "8" : "A") + Bijective(index, 0x9E37_79B1u, 8);
        var songId = "SO" + Letters(ref s, 5) + "12A8C" + Bijective(index, 0x85EB_CA6Bu, 6);
        var artistId = "AR" + Letters(ref a, 5) + "1187B9" + Bijective(artist, 0xC2B2_AE35u, 5);
        return new Song(trackId, artistId, latitude, longitude, location, artistName, songId, title, duration, year);
    }

    /// A song the users play that song_data does not hold; its non-ASCII names are double-encoded, as in the real logs.
    public (string Artist, string Title, double Length) UniverseSong(int index)
    {
        var a = new Rng(_seed, 21, index / 3);
        var artist = ArtistName(ref a, nonAsciiShare: 0.05);
        var s = new Rng(_seed, 22, index);
        var title = Title(ref s, nonAsciiShare: 0.03);
        if (s.Chance(0.08)) title += s.Pick(Vocabulary.TitleSuffixes);
        return (JsonText.Mojibake(artist), JsonText.Mojibake(title), Duration(ref s));
    }

    static string ArtistName(ref Rng r, double nonAsciiShare)
    {
        if (r.Chance(nonAsciiShare)) return r.Pick(Vocabulary.NonAsciiWords) + " " + r.Pick(Vocabulary.ArtistWords);
        return r.Next(0, 3) switch
        {
            0 => "The " + r.Pick(Vocabulary.ArtistWords) + " " + r.Pick(Vocabulary.ArtistWords),
            1 => r.Pick(Vocabulary.FirstNames) + " " + r.Pick(Vocabulary.LastNames),
            _ => r.Pick(Vocabulary.ArtistWords) + " " + r.Pick(Vocabulary.ArtistWords),
        };
    }

    static string Title(ref Rng r, double nonAsciiShare)
    {
        var title = r.Pick(Vocabulary.TitleWords);
        for (var words = r.Next(0, 3); words > 0; words--) title += " " + r.Pick(Vocabulary.TitleWords);
        if (r.Chance(nonAsciiShare)) title = r.Pick(Vocabulary.NonAsciiWords) + " " + title;
        if (r.Chance(0.12)) title += r.Pick(Vocabulary.TitleSuffixes);
        return title;
    }

    /// Seconds with five decimals, mostly three to five minutes, within the real range 29.5..599.3.
    static double Duration(ref Rng r)
    {
        var seconds = 230 * Math.Exp((r.NextDouble() + r.NextDouble() + r.NextDouble() - 1.5) * 0.7);
        return Math.Round(Math.Clamp(seconds, 29.54, 599.25), 5);
    }

    static string Letters(ref Rng r, int count)
    {
        Span<char> chars = stackalloc char[count];
        for (var i = 0; i < count; i++) chars[i] = (char)('A' + r.Next(0, 26));
        return new string(chars);
    }

    /// Hex digits of an odd-multiplier bijection of the index: distinct indexes give distinct ids, so ids never collide.
    static string Bijective(int index, uint multiplier, int digits)
    {
        var mask = digits >= 8 ? uint.MaxValue : (1u << (4 * digits)) - 1;
        return (((uint)index * multiplier + 0x2545_F491u) & mask).ToString("X" + digits);
    }
}
