using System.Text.Json;
using Sparkify.Pipeline.CommandLine;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Runs;

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
        // A writer: refused (naming the run) while another run writes the warehouse it is about to remove.
        await run.Audit.TearingDownAsync();
        await run.Platform.TearDownControlPlaneAsync(() => AwsPartAsync(run));
        RemovePgpassFiles(run);
        await run.Platform.TearDownServicesAsync(run.Ct);
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
        using var session = await run.AwsSessionAsync();
        var result = await TeardownAws.RunAsync(session, run.Args.Value(Options.FinalSnapshot), run.Ct);
        run.Summary.Set("teardown", JsonSerializer.SerializeToNode(result));
    }
}
