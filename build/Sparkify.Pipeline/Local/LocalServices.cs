using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Local;

/// The local profile's two services, under [LOCAL] data_dir (default .local/): moto and PostgreSQL.
public sealed class LocalServices(string root, DwhConfig config, StateFile stateFile, PipelineLog log)
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(root, config.Local.DataDir));

    public LocalPostgres Postgres => new(Path.Combine(Folder, "pg"), config.Local.PgPort, log);

    public LocalMoto Moto => new(Folder, config.Local.MotoPort, log);

    /// Starts (or reuses) the local PostgreSQL; its generated password lives only in the state file.
    public async Task<WarehouseEndpoint> WarehouseAsync(CancellationToken ct)
    {
        var state = stateFile.Load();
        if (state.LocalPgPassword is null)
        {
            if (Postgres.Exists)
                throw new PipelineException($"the local PostgreSQL in {Folder} exists but its password is not in {stateFile.Path}; " +
                                            "run ./build.sh Teardown --profile=local to start afresh");
            state.LocalPgPassword = Passwords.New();
            stateFile.Save(state);
        }
        return await Postgres.EnsureRunningAsync(config.Cluster.DbName, config.Cluster.DbUser, state.LocalPgPassword, ct);
    }

    /// The running local warehouse, or null when it is not running (nothing is started).
    public async Task<WarehouseEndpoint?> RunningWarehouseAsync(CancellationToken ct)
    {
        var password = stateFile.Load().LocalPgPassword;
        if (password is null || !await Postgres.IsRunningAsync(ct)) return null;
        return new WarehouseEndpoint(Dialect.Postgres, "127.0.0.1", config.Local.PgPort, config.Cluster.DbName, config.Cluster.DbUser, password);
    }

    /// Stops both services and removes their folder; safe when nothing runs.
    public async Task StopAndRemoveAsync(CancellationToken ct)
    {
        await Postgres.StopAsync(ct);
        await Moto.StopAsync(ct);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
            log.Information($"Removed {Folder}");
        }
        var state = stateFile.Load();
        state.LocalPgPassword = null;
        stateFile.Save(state);
    }
}
