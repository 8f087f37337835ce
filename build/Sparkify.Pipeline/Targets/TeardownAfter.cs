using System.Diagnostics;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// --teardown-after: Teardown runs at the end of the run whatever happened, so a failed Etl on AWS leaves no cluster
/// running. The run's own failure stays the exit status; Teardown's own failure is reported, and fails a run that
/// had otherwise succeeded.
/// </summary>
public static class TeardownAfter
{
    public static bool Asked(Run run, string target) =>
        run.Args.Flag(Options.TeardownAfter) && !target.Equals("Teardown", StringComparison.OrdinalIgnoreCase);

    /// Runs Teardown; returns false when it failed (already reported), throws only when the run had succeeded.
    public static async Task<bool> ExecuteAsync(Run run, bool runSucceeded)
    {
        run.Log.Information(runSucceeded ? "--teardown-after: the run succeeded; tearing down" : "--teardown-after: the run failed; tearing down anyway");
        var clock = Stopwatch.StartNew();
        try
        {
            await Teardown.ExecuteAsync(run);
            run.Summary.Record("Teardown", "succeeded", clock.Elapsed);
            return true;
        }
        catch (PipelineException e)
        {
            run.Summary.Record("Teardown", "failed", clock.Elapsed);
            var message = $"--teardown-after: Teardown failed too: {e.Message}; resources may be left: run ./build.sh Status --profile={run.Profile.Name()}, then ./build.sh Teardown --profile={run.Profile.Name()}";
            if (runSucceeded) throw new PipelineException(message, e);
            run.Log.Error(message);
            return false;
        }
    }
}
