using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Targets;

/// Stops the local profile's moto and PostgreSQL and removes their folder. Safe to run at any time.
public static class TeardownLocal
{
    public static Task<bool> ExecuteAsync(Run run) => run.Boundary("Teardown", async () =>
    {
        if (run.Profile != Profile.Local) return false;
        await run.Local.StopAndRemoveAsync(run.Ct);
        run.Log.Information("Teardown (local): moto and PostgreSQL stopped, " + run.Local.Folder + " removed");
        return true;
    });
}
