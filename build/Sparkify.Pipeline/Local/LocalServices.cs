using System.Security.Cryptography;
using System.Text;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Safety;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Local;

/// <summary>
/// The local profile's two services, under [LOCAL] data_dir (default .local/): moto and PostgreSQL. The folder carries
/// the pipeline's marker. As root, when the postgres user cannot reach it (a checkout under a 0700 home), the cluster
/// lives in a marked folder of its own under /var/tmp, recorded in state. The cluster's bootstrap superuser only creates
/// the roles: the pipeline works as [CLUSTER] db_user (owns the database, not a superuser); reads use the read-only role.
/// </summary>
public sealed class LocalServices(string root, DwhConfig config, StateFile stateFile, PipelineLog log)
{
    /// The local cluster's initdb superuser: creates the roles and the database, nothing else.
    public const string BootstrapUser = "sparkify_bootstrap";

    readonly SqlFiles _sql = SqlFiles.In(root);
    bool _prepared;
    bool _warehouseSetUp;

    /// The real folder: [LOCAL] data_dir with its symbolic links resolved (a link is the user's; what it points at holds the services).
    public string Folder { get; } = RealPath.Of(Path.Combine(root, config.Local.DataDir));

    /// Where the cluster lives when the postgres user cannot reach <see cref="Folder"/>: one folder per data folder.
    public string RelocatedFolder => Path.Combine(Directory.Exists("/var/tmp") ? "/var/tmp" : Path.GetTempPath(),
        "sparkify-dwh-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Folder)))[..12]);

    /// Teardown reuses a running moto but makes nothing (no folder, no preflight).
    public bool TearingDown { get; set; }

    public LocalPostgres Postgres => new(PgFolder(stateFile.Load()), config.Local.PgPort, log);

    public LocalMoto Moto => new(Folder, config.Local.MotoPort, log, config.Aws.Region);

    string PgFolder(DwhState state) => state.LocalPgFolder ??
        (Directory.Exists(RelocatedFolder) ? Path.Combine(RelocatedFolder, "pg") : Path.Combine(Folder, "pg"));

    /// Set when the run goes on to use the warehouse (CreateTables or later in its plan): the first call for moto then
    /// starts the cluster too, in the background, since the two services are independent processes.
    public bool StartWarehouseEarly { get; init; }

    // The cluster's start begun beside moto's (initdb, pg_ctl start, the owner role and the database): awaited by the
    // first use of the warehouse, which then sees its errors, or by Settle at the end of the run. It writes nothing to
    // the state file.
    Task<WarehouseEndpoint>? _earlyStart;
    bool _earlyStarted;

    /// Starts (or reuses) moto and records the process it started in the state file.
    public async Task<string> MotoEndpointAsync(CancellationToken ct)
    {
        if (!TearingDown) await PrepareAsync(ct);
        if (!TearingDown && StartWarehouseEarly && !_earlyStarted)
        {
            _earlyStarted = true;
            // The state file is written here, before moto starts and before Provision reads it, never by the background task.
            var (pg, password) = await ClusterAsync(ct);
            var owner = stateFile.Load().LocalOwnerPassword!;
            _earlyStart = Task.Run(async () =>
            {
                var admin = await pg.EnsureRunningAsync("postgres", BootstrapUser, password, ct);
                await SetUpWarehouseAsync(admin, owner, ct);
                return admin;
            }, ct);
        }
        var moto = Moto;
        var endpoint = await moto.EnsureRunningAsync(ct);
        if (moto.StartedPid is { } pid)
        {
            var state = stateFile.Load();
            state.LocalMoto = ServiceProcess.Record(pid, config.Local.MotoPort);
            stateFile.Save(state);
        }
        return endpoint;
    }

    /// The warehouse as its owner for a run that writes, starting the cluster when needed: the owner role and the database
    /// are made (or reasserted) once per run, one run at a time (<see cref="CatalogSetupLock"/>). The generated passwords
    /// live only in the state file.
    public async Task<WarehouseEndpoint> WarehouseAsync(CancellationToken ct)
    {
        var admin = await AdminAsync(ct);
        var state = stateFile.Load();
        if (!_warehouseSetUp)
        {
            await SetUpWarehouseAsync(admin, state.LocalOwnerPassword!, ct);
            _warehouseSetUp = true;
        }
        return Endpoint(config.Cluster.DbUser, state.LocalOwnerPassword!);
    }

    async Task SetUpWarehouseAsync(WarehouseEndpoint admin, string ownerPassword, CancellationToken ct)
    {
        await using var connection = await admin.OpenAsync(ct);
        await CatalogSetupLock.RunAsync(connection, _sql, async () =>
        {
            await WarehouseRoles.EnsureLoginRoleAsync(connection, _sql, config.Cluster.DbUser, ownerPassword, ct);
            await WarehouseRoles.EnsureOwnedDatabaseAsync(connection, _sql, config.Cluster.DbName, config.Cluster.DbUser, ct);
        }, ct);
    }

    /// The warehouse's address for a run that only reads (Query, Report, Connect), starting the cluster when needed but
    /// changing no role, grant or database: a reader must never collide with a writer's set-up.
    public async Task<WarehouseEndpoint> WarehouseWithoutSetupAsync(CancellationToken ct)
    {
        await AdminAsync(ct);
        return Endpoint(config.Cluster.DbUser, stateFile.Load().LocalOwnerPassword!);
    }

    /// Creates (or re-passwords) the read-only role and lets it connect; the owner then grants it SELECT (CreateTables).
    public async Task EnsureReaderAsync(string password, CancellationToken ct)
    {
        var admin = await AdminAsync(ct);
        await using var connection = await admin.OpenAsync(ct);
        await CatalogSetupLock.RunAsync(connection, _sql, async () =>
        {
            await WarehouseRoles.EnsureLoginRoleAsync(connection, _sql, WarehouseRoles.Reader, password, ct);
            await WarehouseRoles.GrantConnectAsync(connection, _sql, config.Cluster.DbName, WarehouseRoles.Reader, ct);
        }, ct);
    }

    /// The running local warehouse as its owner, or null when it is not running (nothing is started).
    public async Task<WarehouseEndpoint?> RunningWarehouseAsync(CancellationToken ct)
    {
        var password = stateFile.Load().LocalOwnerPassword;
        if (password is null || !await Postgres.IsRunningAsync(ct)) return null;
        return Endpoint(config.Cluster.DbUser, password);
    }

    public WarehouseEndpoint Endpoint(string user, string password) =>
        new(Dialect.Postgres, "127.0.0.1", config.Local.PgPort, config.Cluster.DbName, user, password)
        {
            CommandTimeoutSeconds = config.Cluster.CommandTimeoutSeconds,
        };

    async Task<WarehouseEndpoint> AdminAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        var (pg, password) = await ClusterAsync(ct);
        WarehouseEndpoint admin;
        if (_earlyStart is { } early)
        {
            _earlyStart = null;
            admin = await early;
            _warehouseSetUp = true;  // the start beside moto set the owner role and the database up too
        }
        else
        {
            admin = await pg.EnsureRunningAsync("postgres", BootstrapUser, password, ct);
        }
        Record(pg);
        return admin;
    }

    /// The end of the run: waits for a cluster start begun beside moto that nothing used (Provision failed, say), and
    /// records the postmaster it started, so that Teardown knows it as it knows any other.
    public void Settle()
    {
        if (_earlyStart is not { } early) return;
        _earlyStart = null;
        try
        {
            early.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            // Best effort at the run's end: the run's outcome is already decided, and its own error is the one to report.
            log.Verbose($"the local PostgreSQL started beside moto did not come up: {e.Message}");
        }
        var folder = stateFile.Load().LocalPgFolder ?? Path.Combine(Folder, "pg");
        Record(new LocalPostgres(folder, config.Local.PgPort, log));
    }

    void Record(LocalPostgres pg)
    {
        var state = stateFile.Load();
        if (pg.PostmasterPid() is not { } pid || state.LocalPostgres?.Pid == pid || !ServiceProcess.IsAlive(pid)) return;
        state.LocalPostgres = ServiceProcess.Record(pid, config.Local.PgPort);
        stateFile.Save(state);
    }

    /// The cluster's folder and its bootstrap password, generated (into the state file) for a cluster still to be made.
    async Task<(LocalPostgres Pg, string Password)> ClusterAsync(CancellationToken ct)
    {
        var pg = new LocalPostgres(await PgFolderAsync(stateFile.Load(), ct), config.Local.PgPort, log);
        // Loaded after PgFolderAsync, which may record the folder.
        var state = stateFile.Load();
        if (state.LocalPgPassword is null || state.LocalOwnerPassword is null)
        {
            if (pg.Exists)
                throw new PipelineException($"the local PostgreSQL in {pg.Folder} exists but its passwords are not in {stateFile.Path}; " +
                                            "run ./build.sh Teardown --profile=local to start afresh (a cluster made before the pipeline " +
                                            "marked its folders has no marker: remove that folder by hand)");
            state.LocalPgPassword = Passwords.New();
            state.LocalOwnerPassword = Passwords.New();
            stateFile.Save(state);
        }
        return (pg, state.LocalPgPassword);
    }

    /// Once per run, before any service starts: the preflight, then the marked data folder.
    async Task PrepareAsync(CancellationToken ct)
    {
        if (_prepared) return;
        await LocalPreflight.CheckAsync(config.Local, Moto, () => stateFile.Load().LocalPostgres is { } recorded && ServiceProcess.IsAlive(recorded) || Postgres.PostmasterRuns(), ct);
        Own(Folder, "the local profile's services and sample");
        _prepared = true;
    }

    async Task<string> PgFolderAsync(DwhState state, CancellationToken ct)
    {
        if (state.LocalPgFolder is { } known) return known;
        var inside = Path.Combine(Folder, "pg");
        if (!ProcessRunner.IsRoot || Directory.Exists(inside)) return inside;
        var (reach, _) = await ProcessRunner.RunAsync("test", ["-x", Folder], ct, asPostgres: true);
        if (reach == 0) return inside;
        Own(RelocatedFolder, $"the local PostgreSQL cluster of {Folder}, which the postgres user cannot reach");
        log.Information($"The postgres user cannot reach {Folder}, so the local cluster lives in {RelocatedFolder} (Teardown removes it)");
        var updated = stateFile.Load();
        updated.LocalPgFolder = Path.Combine(RelocatedFolder, "pg");
        stateFile.Save(updated);
        return updated.LocalPgFolder;
    }

    void Own(string folder, string purpose)
    {
        OwnedFolder.Ensure(folder, purpose);
        var state = stateFile.Load();
        if (state.OwnedFolders.Contains(folder)) return;
        state.OwnedFolders.Add(folder);
        stateFile.Save(state);
    }
}
