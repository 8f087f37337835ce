using Npgsql;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Lineage;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// The local profile: moto on [LOCAL] moto_port plays AWS, a throwaway PostgreSQL is the warehouse, and the [S3]
/// sources are read from the [LOCAL] bucket on moto under the same key layout as the public one.
public sealed class LocalPlatform(DwhConfig config, StateFile state, SqlFiles sql, LocalServices local, string root, PipelineLog log)
    : Platform(config, state, sql)
{
    public override Profile Profile => Profile.Local;

    public override async Task<AwsContext> ControlPlaneAsync(CancellationToken ct) =>
        AwsContext.ForMoto(await local.MotoEndpointAsync(ct), Config.Aws.Region);

    // moto keeps everything in memory: when it is not running, it holds no role, cluster or rule.
    public override bool ControlPlaneStopped() => !Ports.IsListening(Config.Local.MotoPort);

    public override Task<WarehouseEndpoint> WarehouseAsync(CancellationToken ct) => local.WarehouseAsync(ct);

    protected override Task<WarehouseEndpoint> WarehouseWithoutSetupAsync(CancellationToken ct) => local.WarehouseWithoutSetupAsync(ct);

    // Not the caller's token: a cancelled run still counts its rows for the summary.
    public override Task<WarehouseEndpoint?> RunningWarehouseAsync(CancellationToken ct) => local.RunningWarehouseAsync(CancellationToken.None);

    /// The [S3] key under the local bucket: the same layout as the public one.
    public override string StagingSource(S3Location source) => $"s3://{Config.Local.Bucket}/{source.Prefix}";

    public override DatasetNames Datasets() => DatasetNames.Local(Config.S3, Config.Local.Bucket, Config.Local.PgPort, Config.Cluster.DbName);

    // The bootstrap superuser creates the role; the owner grants.
    protected override async Task GrantReaderAsync(NpgsqlConnection owner, string password, CancellationToken ct)
    {
        await local.EnsureReaderAsync(password, ct);
        foreach (var grant in WarehouseRoles.ReaderGrants(Sql, Dialect.Postgres))
            await Statement.ExecuteAsync(owner, grant, ct);
    }

    public override async Task TearDownControlPlaneAsync(Func<Task> awsPart)
    {
        if (ControlPlaneStopped())
        {
            // moto keeps everything in memory: when it is not running, it holds no role, cluster or rule.
            var recorded = State.Load();
            recorded.ForgetProvisioned();
            State.Save(recorded);
            log.Information("Teardown (AWS): moto is not running, so there is no role, cluster or rule to remove");
            return;
        }
        try
        {
            await awsPart();
        }
        catch (PipelineException e)
        {
            // The local services must still be stopped; whatever answers on the port is reported, not fatal.
            log.Warning($"Teardown (AWS) on the local moto did not complete: {e.Message}");
        }
    }

    public override async Task TearDownServicesAsync(CancellationToken ct)
    {
        var left = await LocalTeardown.RunAsync(local, State, Config.Local, root, log, ct);
        if (left.Count > 0)
            throw new PipelineException("Teardown (local) did not finish; left behind:" + string.Concat(left.Select(l => "\n  - " + l)));
        log.Information($"Teardown (local): moto and PostgreSQL stopped, {local.Folder} removed");
    }
}
