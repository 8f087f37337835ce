namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// Every command-line option the pipeline reads, declared once: help, docs/targets.md (a test compares them) and the
/// check that rejects unknown options all come from this table. To add an option, add one line here, then read it
/// with run.Args.Value/Flag/List. Cake's own options (--target, --verbosity, --dryrun, --exclusive, --tree,
/// --description, ...) are Cake's and not declared here; --SECTION:key=value sets a dwh.cfg setting.
/// </summary>
public static class Options
{
    public const string AnyTarget = "*";

    static readonly string[] Any = [AnyTarget];

    public static readonly IReadOnlyList<OptionSpec> Declared =
    [
        new("profile", OptionType.Text, "local", Any, "local (moto + a throwaway PostgreSQL on this machine) or aws (real AWS and Redshift)"),
        new("config", OptionType.Path, "dwh.cfg", Any, "the configuration file"),
        new("state-dir", OptionType.Path, ".dwh", Any, "where the state file (what Provision made, generated passwords) lives"),
        new("artifacts", OptionType.Path, "artifacts", Any, "where run-summary.json and the report are written"),
        new("verbose", OptionType.Flag, "false", Any, "print the pipeline's detail lines too"),
        new("skip", OptionType.List, "none", Any, "targets of the plan not to run, e.g. --skip=Provision (only targets that do work can be skipped)"),
        new("teardown-after", OptionType.Flag, "false", Any, "run Teardown at the end whatever happened; the run's own failure stays the exit status"),
        new("from", OptionType.Date, "all days", ["StageCopy", "Transform", "Verify"], "first day of the event window (UTC)"),
        new("to", OptionType.Date, "all days", ["StageCopy", "Transform", "Verify"], "last day of the event window (UTC, inclusive)"),
        new("wait", OptionType.Flag, "false", ["CreateTables", "StageCopy", "Transform", "Verify"], "wait for the warehouse's current writer to finish instead of failing at once"),
        new("force", OptionType.Flag, "false", ["StageCopy", "Transform"], "local profile: reload and transform even when up to date (nothing changed since the last run)"),
        new("recreate", OptionType.Flag, "false", ["CreateTables"], "drop the tables first (loses their data)"),
        new("sample", OptionType.Path, "a generated sample", ["StageCopy"], "local profile: the folder of sample data to upload to the local bucket"),
        new("final-snapshot", OptionType.Text, "none", ["Teardown"], "keep a final snapshot of the cluster (Serverless: the namespace) under this name"),
        new("sql", OptionType.Text, "none", ["Query"], "the SQL to run read-only"),
        new("file", OptionType.Path, "none", ["Query"], "a .sql file to run read-only (instead of --sql)"),
        new("max-rows", OptionType.Number, "1000", ["Query"], "rows printed per result at most"),
        new("scale", OptionType.Number, "1", ["Generate", "Benchmark"], "size of the generated sample (1 = about the public sample)"),
        new("seed", OptionType.Number, "42", ["Generate", "Benchmark"], "seed of the generator: the same seed writes the same files"),
        new("out", OptionType.Path, "artifacts/sample", ["Generate"], "the folder the sample is written to"),
        new("methods", OptionType.List, "a,b,c,d,e", ["Benchmark"], "the loaders to time (docs/benchmark.md)"),
        new("row-limit", OptionType.Number, "100000", ["Benchmark"], "rows the row-by-row loader (c) inserts before it extrapolates"),
        new("work", OptionType.Path, "a temp folder", ["Benchmark"], "the benchmark's work folder"),
        new("no-warmup", OptionType.Flag, "false", ["Benchmark"], "skip the untimed first pass"),
        new("cases", OptionType.List, "all", ["Benchmark"], "what to time: load, clean, rerun, window, h1, h2, h3; transform = the last six (docs/benchmark.md)"),
        new("runs", OptionType.Number, "3", ["Benchmark"], "runs of the repeated transform cases (clean, rerun, window); the median is printed"),
        new("owner", OptionType.Flag, "false", ["Connect"], "connect as the owner role instead of the read-only role"),
        new("filter", OptionType.Text, "all tests", ["Test"], "an NUnit filter expression, as dotnet test --filter takes it"),
    ];

    /// Targets that only list, compose or print: --skip cannot name them (skipping Etl or Query would do nothing).
    public static readonly IReadOnlySet<string> NotSkippable =
        new HashSet<string>(["Etl", "Query", "Test"], StringComparer.OrdinalIgnoreCase);

    /// Names Cake itself leaves in the script's arguments (its other options it consumes).
    public static readonly IReadOnlySet<string> CakeOwn = new HashSet<string>(["target", "t"], StringComparer.OrdinalIgnoreCase);

    public static OptionSpec? Find(string name) =>
        Declared.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
