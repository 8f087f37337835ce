using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Warehouse;

/// <summary>
/// The read-only role of Query, Report and Connect: made (or re-passworded) by CreateTables with a generated password
/// kept in the state file (0600), granted SELECT on the warehouse tables only. Locally the bootstrap superuser creates
/// the role (under the set-up lock) and the owner grants; on Redshift the master user does both. Both run inside
/// CreateTables, under the writer lock.
/// </summary>
public static class ReaderAccess
{
    public static async Task EnsureAsync(Run run, WarehouseEndpoint owner)
    {
        var state = run.State.Load();
        state.ReaderPassword ??= Passwords.New();
        run.State.Save(state);
        await using var connection = await owner.OpenAsync(run.Ct);
        await run.Platform.GrantReaderAsync(run, connection, state.ReaderPassword);
    }

    /// The warehouse as the read-only role (the local cluster is started when needed). Reads change no catalog: the
    /// role and its grants are CreateTables' work, so a reader never collides with a writer setting up.
    public static async Task<WarehouseEndpoint> EndpointAsync(Run run)
    {
        var password = run.State.Load().ReaderPassword ?? throw new PipelineException(
            $"the warehouse has no read-only role yet (no password for {WarehouseRoles.Reader} in {run.State.Path}); " +
            $"run ./build.sh CreateTables --profile={run.Profile.Name()} first (Etl does it)");
        Redact.Register(password);
        var owner = await run.Platform.ReadableWarehouseAsync(run);
        return owner.WithLogin(WarehouseRoles.Reader, password);
    }
}
