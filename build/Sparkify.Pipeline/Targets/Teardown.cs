using System.Text.Json;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Removes everything the pipeline made: first the AWS part (on AWS, or on the local moto before it is stopped),
/// then the local services (only processes and marked folders the pipeline made; what is left is an error that says so).
/// Safe at any time, any number of times.
/// </summary>
public static class Teardown
{
    public static Task<bool> ExecuteAsync(Run run) => run.Boundary("Teardown", async () =>
    {
        run.Local.TearingDown = true;
        if (run.Profile == Profile.Aws)
        {
            await AwsPartAsync(run);
        }
        else if (!run.Platform.ControlPlaneStopped(run))
        {
            try
            {
                await AwsPartAsync(run);
            }
            catch (PipelineException e)
            {
                // The local services must still be stopped; whatever answers on the port is reported, not fatal.
                run.Log.Warning($"Teardown (AWS) on the local moto did not complete: {e.Message}");
            }
        }
        else
        {
            // moto keeps everything in memory: when it is not running, it holds no role, cluster or rule.
            var state = run.State.Load();
            TeardownAws.Clear(state);
            run.State.Save(state);
            run.Log.Information("Teardown (AWS): moto is not running, so there is no role, cluster or rule to remove");
        }
        RemovePgpassFiles(run);
        if (run.Profile == Profile.Local)
        {
            var left = await LocalTeardown.RunAsync(run.Local, run.State, run.Config.Local, run.Root, run.Log, run.Ct);
            if (left.Count > 0)
                throw new PipelineException("Teardown (local) did not finish; left behind:" + string.Concat(left.Select(l => "\n  - " + l)));
            run.Log.Information($"Teardown (local): moto and PostgreSQL stopped, {run.Local.Folder} removed");
        }
        // Nothing left to remember: a fresh clone after Etl and Teardown holds no .dwh folder either (issue 10).
        run.State.DeleteIfEmpty();
        return true;
    });

    /// Connect's password files name roles that are gone with the warehouse.
    static void RemovePgpassFiles(Run run)
    {
        var dir = Path.GetDirectoryName(run.State.Path)!;
        if (!Directory.Exists(dir)) return;
        foreach (var file in Directory.GetFiles(dir, $"pgpass-{run.Profile.Name()}-*")) File.Delete(file);
    }

    static async Task AwsPartAsync(Run run)
    {
        using var session = await AwsSession.ForRunAsync(run);
        var result = await TeardownAws.RunAsync(session, run.Args.Value("final-snapshot"), run.Ct);
        run.Summary.Set("teardown", JsonSerializer.SerializeToNode(result));
    }
}
