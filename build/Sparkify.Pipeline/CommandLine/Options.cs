namespace Sparkify.Pipeline.CommandLine;

/// <summary>
/// Every command-line option the pipeline reads, declared once: help, docs/targets.md (a test compares them) and the
/// check that rejects unknown options all come from this table. To add an option, add one line here (and its name to Declared),
/// then read it with run.Args.Value/Flag/List(Options.Name). Cake's own options (--target, --verbosity, --dryrun, --exclusive, --tree,
/// --description, ...) are Cake's and not declared here; --SECTION:key=value sets a dwh.cfg setting.
/// </summary>
public static class Options
{
    public const string AnyTarget = "*";

    static readonly string[] Any = [AnyTarget];

    public static readonly OptionSpec Profile = new("profile", OptionType.Text, "local", Any, "local (moto + a throwaway PostgreSQL on this machine) or aws (real AWS and Redshift)");
    public static readonly OptionSpec Config = new("config", OptionType.Path, "dwh.cfg", Any, "the configuration file");
    public static readonly OptionSpec StateDir = new("state-dir", OptionType.Path, ".dwh", Any, "where the state file (what Provision made, generated passwords) lives");
    public static readonly OptionSpec Artifacts = new("artifacts", OptionType.Path, "artifacts", Any, "where run records (run-summary.json, runs/), the report, data docs and failed-row CSVs are written");
    public static readonly OptionSpec Verbose = new("verbose", OptionType.Flag, "false", Any, "print the pipeline's detail lines too");
    public static readonly OptionSpec Skip = new("skip", OptionType.List, "none", Any, "targets of the plan not to run, e.g. --skip=Provision (only targets that do work can be skipped)");
    public static readonly OptionSpec TeardownAfter = new("teardown-after", OptionType.Flag, "false", Any, "run Teardown at the end whatever happened; the run's own failure stays the exit status");
    public static readonly OptionSpec From = new("from", OptionType.Date, "all days", ["StageCopy", "Transform", "Verify"], "first day of the event window (UTC)");
    public static readonly OptionSpec To = new("to", OptionType.Date, "all days", ["StageCopy", "Transform", "Verify"], "last day of the event window (UTC, inclusive)");
    public static readonly OptionSpec Wait = new("wait", OptionType.Flag, "false", ["CreateTables", "StageCopy", "Transform", "Verify", "Teardown"], "wait for the warehouse's current writer to finish instead of failing at once");
    public static readonly OptionSpec Force = new("force", OptionType.Flag, "false", ["CreateTables", "StageCopy", "Transform", "Verify", "Report"], "local profile: send the DDL, reload, transform, verify and report even when up to date (nothing changed since the last run)");
    public static readonly OptionSpec Recreate = new("recreate", OptionType.Flag, "false", ["CreateTables"], "drop the tables first (loses their data)");
    public static readonly OptionSpec Sample = new("sample", OptionType.Path, "the warehouse's own source", ["StageCopy"], "local profile: the folder of sample data to upload to the local bucket; without it, the sample the warehouse was built from (a generated one for a new warehouse); a full run from another folder switches the warehouse to it, a --from/--to run from another is refused");
    public static readonly OptionSpec FinalSnapshot = new("final-snapshot", OptionType.Text, "none", ["Teardown"], "keep a final snapshot of the cluster (Serverless: the namespace) under this name");
    public static readonly OptionSpec Sql = new("sql", OptionType.Text, "none", ["Query"], "the SQL to run read-only");
    public static readonly OptionSpec File = new("file", OptionType.Path, "none", ["Query"], "a .sql file to run read-only (instead of --sql)");
    public static readonly OptionSpec MaxRows = new("max-rows", OptionType.Number, "1000", ["Query"], "rows printed per result at most");
    public static readonly OptionSpec Scale = new("scale", OptionType.Number, "1", ["Generate", "Benchmark"], "size of the generated sample (1 = about the public sample)");
    public static readonly OptionSpec Seed = new("seed", OptionType.Number, "42", ["Generate", "Benchmark"], "seed of the generator: the same seed writes the same files");
    public static readonly OptionSpec Out = new("out", OptionType.Path, "artifacts/sample", ["Generate"], "the folder the sample is written to");
    public static readonly OptionSpec Methods = new("methods", OptionType.List, "a,b,c,d,e,f", ["Benchmark"], "the loaders to time (docs/benchmark.md)");
    public static readonly OptionSpec RowLimit = new("row-limit", OptionType.Number, "100000", ["Benchmark"], "rows the row-by-row loader (c) inserts before it extrapolates");
    public static readonly OptionSpec Work = new("work", OptionType.Path, "a temp folder", ["Benchmark"], "the benchmark's work folder");
    public static readonly OptionSpec NoWarmup = new("no-warmup", OptionType.Flag, "false", ["Benchmark"], "skip the untimed first pass");
    public static readonly OptionSpec Cases = new("cases", OptionType.List, "all", ["Benchmark"], "what to time: load, clean, rerun, window, h1, h2, h3, daily; transform = clean to h3 (docs/benchmark.md)");
    public static readonly OptionSpec Runs = new("runs", OptionType.Number, "3", ["Benchmark"], "runs of the loader and the ceiling (a, f) and of the repeated transform cases (clean, rerun, window); the median is printed");
    public static readonly OptionSpec Owner = new("owner", OptionType.Flag, "false", ["Connect"], "connect as the owner role instead of the read-only role");
    public static readonly OptionSpec Filter = new("filter", OptionType.Text, "all tests", ["Test"], "an NUnit filter expression, as dotnet test --filter takes it");

    /// Every option, in the order help and docs/targets.md list them.
    public static readonly IReadOnlyList<OptionSpec> Declared =
    [
        Profile, Config, StateDir, Artifacts, Verbose, Skip, TeardownAfter, From,
        To, Wait, Force, Recreate, Sample, FinalSnapshot, Sql, File,
        MaxRows, Scale, Seed, Out, Methods, RowLimit, Work, NoWarmup,
        Cases, Runs, Owner, Filter,
    ];

    /// Names Cake itself leaves in the script's arguments (its other options it consumes).
    public static readonly IReadOnlySet<string> CakeOwn = new HashSet<string>(["target", "t"], StringComparer.OrdinalIgnoreCase);

    public static OptionSpec? Find(string name) =>
        Declared.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
