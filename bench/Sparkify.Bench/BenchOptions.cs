using System.Globalization;
using Sparkify.Pipeline.CommandLine;

namespace Sparkify.Bench;

/// <summary>
/// The command line: --scale=N (1), --seed=S (42), --methods=a,b,c,d,e (all), --row-limit=R (rows the
/// row-by-row loader (c) inserts before it extrapolates; 100,000), --work=DIR (a temp folder), --keep, --root=DIR,
/// --no-warmup (skip the untimed first pass), --cases=load,clean,rerun,window,h1,h2,h3,daily (all; "transform" names the
/// six transform cases), --runs=N (runs of the repeated transform cases, their median; 3), --help (<see cref="Usage"/>).
/// A misspelt option or method is refused, as ./build.sh refuses one: a benchmark that ignored it would time the wrong thing.
/// </summary>
public sealed record BenchOptions(int Scale, int Seed, IReadOnlySet<string> Methods, long RowLimit, string Work, bool Keep, string Root,
    bool Warmup, IReadOnlySet<string> Cases, int Runs)
{
    /// The options the Benchmark target declares, and the two only bench/run.sh passes.
    public static readonly IReadOnlyList<OptionSpec> Known =
        [.. Options.Declared.Where(o => o.Targets.Contains("Benchmark")), BenchOnlyOptions.Root, BenchOnlyOptions.Keep];

    const string KnownMethods = "abcdef";

    /// What --help prints: one line per option, with its default, from the same declarations ./build.sh --help reads.
    public static string Usage => string.Join(Environment.NewLine, Known.Select(o => $"  {o.Usage,-22} {o.Description} (default: {o.Default})")
        .Prepend("usage: ./bench/run.sh [options]   (or ./build.sh Benchmark [options]; docs/benchmark.md)")
        .Append("  --help                 print this and exit"));

    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");

    public bool Loads => Cases.Contains("load");

    public bool Transforms => TransformCases.Keys.Any(Cases.Contains);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var arg in args)
        {
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"unexpected argument '{arg}'; options look like --scale=10");
            var eq = arg.IndexOf('=');
            var name = eq < 0 ? arg[2..] : arg[2..eq];
            if (!Known.Any(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"unknown option --{name}" +
                    (EditDistance.Closest(name, Known.Select(o => o.Name)) is { } near ? $" (did you mean --{near}?)" : "") + "; --help lists the options");
            values[name] = eq < 0 ? "true" : arg[(eq + 1)..];
        }
        string? Get(OptionSpec option) => values.TryGetValue(option.Name, out var v) ? v : null;
        long Whole(OptionSpec option, long fallback) => Get(option) is { } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
                : throw new ArgumentException($"--{option.Name}={text} is not a positive whole number")
            : fallback;
        var methods = (Get(Options.Methods) ?? "a,b,c,d,e,f").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (methods.FirstOrDefault(m => m.Length != 1 || !KnownMethods.Contains(char.ToLowerInvariant(m[0]))) is { } unknown)
            throw new ArgumentException($"--methods: unknown method '{unknown}'; known: {string.Join(",", KnownMethods.ToCharArray())} (docs/benchmark.md)");
        var cases = ParseCases(Get(Options.Cases) ?? "all");
        var work = Get(Options.Work) ?? Path.Combine(Path.GetTempPath(), $"sparkify-bench-{Guid.NewGuid():N}"[..30]);
        return new BenchOptions((int)Whole(Options.Scale, 1), (int)Whole(Options.Seed, 42), methods, Whole(Options.RowLimit, 100_000),
            Path.GetFullPath(work), Get(BenchOnlyOptions.Keep) is "true", Path.GetFullPath(Get(BenchOnlyOptions.Root) ?? FindRoot()),
            Get(Options.NoWarmup) is not "true", cases, (int)Whole(Options.Runs, 3));
    }

    /// The cases named, "transform" and "all" expanded; an unknown name is refused with the list of known ones.
    static IReadOnlySet<string> ParseCases(string text)
    {
        var known = TransformCases.Keys.Prepend("load").Append(DailyCases.Key).ToList();
        var cases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.Equals("all", StringComparison.OrdinalIgnoreCase)) cases.UnionWith(known);
            else if (name.Equals("transform", StringComparison.OrdinalIgnoreCase)) cases.UnionWith(TransformCases.Keys);
            else if (known.Contains(name, StringComparer.OrdinalIgnoreCase)) cases.Add(name.ToLowerInvariant());
            else throw new ArgumentException($"--cases: unknown case '{name}'; known: {string.Join(", ", known)}, transform (the six transform cases), all");
        }
        if (cases.Count == 0) throw new ArgumentException($"--cases={text} names no case; known: {string.Join(", ", known)}, transform, all");
        return cases;
    }

    /// The checkout: the nearest folder above the working directory that holds build.cake and sql/.
    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "build.cake")) && Directory.Exists(Path.Combine(dir.FullName, "sql")))
                return dir.FullName;
        throw new ArgumentException("cannot find the checkout (build.cake and sql/) above the working directory; pass --root=DIR");
    }
}
