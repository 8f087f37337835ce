namespace Sparkify.Pipeline.Generation;

/// <summary>
/// A small deterministic random source (SplitMix64). System.Random's seeded sequence is not promised across .NET
/// versions, and the generator must give the same bytes for the same seed everywhere. Each stream is keyed by the
/// seed and a few integers (song index, user, day…), so any part can be regenerated without the others.
/// </summary>
public struct Rng
{
    ulong _state;

    public Rng(int seed, params ReadOnlySpan<long> keys)
    {
        _state = Mix((ulong)(uint)seed ^ 0x5EED_5EED_5EED_5EEDUL);
        foreach (var key in keys) _state = Mix(_state ^ (ulong)key * 0x9E37_79B9_7F4A_7C15UL);
    }

    public ulong NextULong()
    {
        _state += 0x9E37_79B9_7F4A_7C15UL;
        return Mix(_state);
    }

    /// Uniform in [0, 1).
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// Uniform in [min, max).
    public int Next(int min, int max) => min + (int)(NextULong() % (ulong)(max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    /// An index drawn with the given weights.
    public int Weighted(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights) total += w;
        var r = Next(0, total);
        for (var i = 0; i < weights.Count; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return weights.Count - 1;
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
