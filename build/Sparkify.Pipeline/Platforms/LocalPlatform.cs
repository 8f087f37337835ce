using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// The local profile: moto on [LOCAL] moto_port plays AWS, a throwaway PostgreSQL is the warehouse, and the [S3]
/// sources are read from the [LOCAL] bucket on moto under the same key layout as the public one.
public sealed class LocalPlatform : Platform
{
    public override Profile Profile => Profile.Local;

    public override bool ClusterCosts => false;

    /// moto's cluster stands for the local PostgreSQL, so it gets that server's port and its ingress rule names it.
    public override int ClusterPort(DwhConfig config) => config.Local.PgPort;

    public override async Task<AwsContext> ControlPlaneAsync(Run run) =>
        AwsContext.ForMoto(await run.Local.MotoEndpointAsync(run.Ct), run.Config.Aws.Region);

    // moto keeps everything in memory: when it is not running, it holds no role, cluster or rule.
    public override bool ControlPlaneStopped(Run run) => !Ports.IsListening(run.Config.Local.MotoPort);

    public override Task<WarehouseEndpoint> WarehouseAsync(Run run) => run.Local.WarehouseAsync(run.Ct);

    public override Task<WarehouseEndpoint> ReadableWarehouseAsync(Run run) => run.Local.ReadableWarehouseAsync(run.Ct);

    // Not the run's token: a cancelled run still counts its rows for the summary.
    public override Task<WarehouseEndpoint?> ReachableWarehouseAsync(Run run) => run.Local.RunningWarehouseAsync(CancellationToken.None);

    /// The [S3] key under the local bucket: the same layout as the public one.
    public override string StagingSource(Run run, S3Location source) => $"s3://{run.Config.Local.Bucket}/{source.Prefix}";

    public override Task<IReadOnlyList<LoadResult>> StageAsync(Run run, CopyOptions options) => StageCopy.ClientSideAsync(run, options);

    public override Lineage.DatasetNames Datasets(Run run)
    {
        var c = run.Config;
        return Lineage.DatasetNames.Local(c.S3, c.Local.Bucket, c.Local.PgPort, c.Cluster.DbName);
    }

    // The bootstrap superuser creates the role; the owner grants.
    public override async Task GrantReaderAsync(Run run, Npgsql.NpgsqlConnection owner, string password)
    {
        await run.Local.EnsureReaderAsync(password, run.Ct);
        foreach (var grant in WarehouseRoles.ReaderGrants(run.Sql, Dialect.Postgres))
            await Statement.ExecuteAsync(owner, grant, run.Ct);
    }

    public override Task<string> DefaultIngressCidrAsync(Func<CancellationToken, Task<string>> publicIpSource, CancellationToken ct) => Task.FromResult("127.0.0.1/32");

    public override async Task TearDownControlPlaneAsync(Run run, Func<Task> awsPart)
    {
        if (ControlPlaneStopped(run))
        {
            // moto keeps everything in memory: when it is not running, it holds no role, cluster or rule.
            var state = run.State.Load();
            TeardownAws.Clear(state);
            run.State.Save(state);
            run.Log.Information("Teardown (AWS): moto is not running, so there is no role, cluster or rule to remove");
            return;
        }
        try
        {
            await awsPart();
        }
        catch (PipelineException e)
        {
            // The local services must still be stopped; whatever answers on the port is reported, not fatal.
            run.Log.Warning($"Teardown (AWS) on the local moto did not complete: {e.Message}");
        }
    }

    public override async Task TearDownServicesAsync(Run run)
    {
        var left = await LocalTeardown.RunAsync(run.Local, run.State, run.Config.Local, run.Root, run.Log, run.Ct);
        if (left.Count > 0)
            throw new PipelineException("Teardown (local) did not finish; left behind:" + string.Concat(left.Select(l => "\n  - " + l)));
        run.Log.Information($"Teardown (local): moto and PostgreSQL stopped, {run.Local.Folder} removed");
    }
}
