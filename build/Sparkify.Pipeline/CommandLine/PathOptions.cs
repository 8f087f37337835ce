namespace Sparkify.Pipeline.CommandLine;

/// The command-line options that name a folder the pipeline deletes or overwrites; each goes through Safety/PathGuard.
public static class PathOptions
{
    /// --out (Generate replaces its song_data/log_data), --artifacts (report charts), --state-dir (the state file),
    /// --work (the benchmark's work folder).
    public static readonly IReadOnlyList<OptionSpec> Written = [Options.Out, Options.Artifacts, Options.StateDir, Options.Work];
}
