namespace Sparkify.Pipeline.Generation;

/// How much to generate and from which seed: scale 1 imitates the real sample (about 8,000 events, 71 songs).
public sealed record GeneratorOptions(int Scale = 1, int Seed = 42);
