using Npgsql;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Lineage;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// <summary>
/// What a profile means, in one place: where the control plane is, which warehouse a run works on, where the staging
/// data is read from. Built once, by Run.Create, from the explicit pieces it uses: <see cref="LocalPlatform"/> (moto +
/// a throwaway PostgreSQL) or <see cref="AwsPlatform"/> (real AWS and Redshift).
/// </summary>
public abstract class Platform(DwhConfig config, StateFile state, SqlFiles sql)
{
    protected DwhConfig Config => config;
    protected StateFile State => state;
    protected SqlFiles Sql => sql;

    public abstract Profile Profile { get; }

    /// Where AWS calls go; the local profile starts (or reuses) moto.
    public abstract Task<AwsContext> ControlPlaneAsync(CancellationToken ct);

    /// True when the control plane is known to hold nothing now (the local moto is not running), without starting it.
    public abstract bool ControlPlaneStopped();

    /// The warehouse to work on, started when needed.
    public abstract Task<WarehouseEndpoint> WarehouseAsync(CancellationToken ct);

    /// The warehouse's address for a run that only reads (the owner's credentials; readers swap in the read-only role):
    /// started when needed, with no role, grant or database set-up.
    protected abstract Task<WarehouseEndpoint> WarehouseWithoutSetupAsync(CancellationToken ct);

    /// The warehouse if it is up now, without starting anything.
    public abstract Task<WarehouseEndpoint?> RunningWarehouseAsync(CancellationToken ct);

    /// The address StageCopy reads an [S3] source from.
    public abstract string StagingSource(S3Location source);

    /// Teardown's AWS part (<paramref name="awsPart"/>): on AWS it is the teardown; locally it runs on moto only while
    /// moto runs, and a failure there is a warning, since the local services must still be stopped.
    public abstract Task TearDownControlPlaneAsync(Func<Task> awsPart);

    /// Teardown's last part: the local profile stops its services and removes their folders; AWS has none.
    public abstract Task TearDownServicesAsync(CancellationToken ct);

    /// The OpenLineage names of the run's sources and tables.
    public abstract DatasetNames Datasets();

    /// Makes the read-only role (or gives it <paramref name="password"/>) and grants it SELECT, through the owner's connection.
    protected abstract Task GrantReaderAsync(NpgsqlConnection owner, string password, CancellationToken ct);

    /// The read-only role of Query, Report and Connect: made (or re-passworded) by CreateTables, under the writer lock,
    /// with a generated password kept in the state file (0600), granted SELECT on the warehouse tables only.
    public async Task EnsureReaderAsync(WarehouseEndpoint owner, CancellationToken ct)
    {
        var recorded = state.Load();
        recorded.ReaderPassword ??= Passwords.New();
        state.Save(recorded);
        await using var connection = await owner.OpenAsync(ct);
        await GrantReaderAsync(connection, recorded.ReaderPassword, ct);
    }

    /// The warehouse as the read-only role (the local cluster is started when needed). Reads change no catalog: the
    /// role and its grants are CreateTables' work, so a reader never collides with a writer setting up.
    public async Task<WarehouseEndpoint> ReaderWarehouseAsync(CancellationToken ct)
    {
        var password = state.Load().ReaderPassword ?? throw new PipelineException(
            $"the warehouse has no read-only role yet (no password for {WarehouseRoles.Reader} in {state.Path}); " +
            $"run ./build.sh CreateTables --profile={Profile.Name()} first (Etl does it)");
        Redact.Register(password);
        var owner = await WarehouseWithoutSetupAsync(ct);
        return owner.WithLogin(WarehouseRoles.Reader, password);
    }

    /// The one place a profile becomes a platform.
    public static Platform For(Profile profile, DwhConfig config, StateFile state, SqlFiles sql, LocalServices local, string root,
        PipelineLog log) =>
        profile == Profile.Local ? new LocalPlatform(config, state, sql, local, root, log) : new AwsPlatform(config, state, sql, log);
}
