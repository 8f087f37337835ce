using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Platforms;

/// <summary>
/// What a profile means, in one place: where the control plane is, which warehouse a run works on, where the staging
/// data is read from. Built once in Run.Create: <see cref="LocalPlatform"/> (moto + a throwaway PostgreSQL) or
/// <see cref="AwsPlatform"/> (real AWS and Redshift).
/// </summary>
public abstract class Platform
{
    public abstract Profile Profile { get; }

    /// Where AWS calls go; the local profile starts (or reuses) moto.
    public abstract Task<AwsContext> ControlPlaneAsync(Run run);

    /// True when the control plane is known to hold nothing now (the local moto is not running), without starting it.
    public abstract bool ControlPlaneStopped(Run run);

    /// The warehouse to work on, started when needed.
    public abstract Task<WarehouseEndpoint> WarehouseAsync(Run run);

    /// The warehouse's address for a run that only reads (the owner's credentials; readers swap in the read-only role):
    /// started when needed, with no role, grant or database set-up.
    public abstract Task<WarehouseEndpoint> ReadableWarehouseAsync(Run run);

    /// The warehouse if it is up now, without starting anything.
    public abstract Task<WarehouseEndpoint?> ReachableWarehouseAsync(Run run);

    /// The address StageCopy reads an [S3] source from.
    public abstract string StagingSource(Run run, S3Location source);

    /// Loads both staging tables the profile's way: the client-side loader from the local bucket, or Redshift's COPY.
    public abstract Task<IReadOnlyList<LoadResult>> StageAsync(Run run, CopyOptions options);

    /// The ingress rule's CIDR when [NETWORK] ingress_cidr is not set: loopback locally, this machine's public IP on AWS.
    public abstract Task<string> DefaultIngressCidrAsync(Func<CancellationToken, Task<string>> publicIpSource, CancellationToken ct);

    /// Teardown's AWS part (<paramref name="awsPart"/>): on AWS it is the teardown; locally it runs on moto only while
    /// moto runs, and a failure there is a warning, since the local services must still be stopped.
    public abstract Task TearDownControlPlaneAsync(Run run, Func<Task> awsPart);

    /// Teardown's last part: the local profile stops its services and removes their folders; AWS has none.
    public abstract Task TearDownServicesAsync(Run run);

    /// The OpenLineage names of the run's sources and tables.
    public abstract Lineage.DatasetNames Datasets(Run run);

    /// Makes the read-only role (or gives it <paramref name="password"/>) and grants it SELECT, through the owner's connection.
    public abstract Task GrantReaderAsync(Run run, Npgsql.NpgsqlConnection owner, string password);

    /// Whether a cluster here costs money, so Provision and Status print its price (the local one on moto costs nothing).
    public abstract bool ClusterCosts { get; }

    /// The port the cluster's rules and messages name: the port the warehouse serves on ([LOCAL] pg_port locally).
    public abstract int ClusterPort(DwhConfig config);

    public static Platform For(Profile profile) => profile == Profile.Local ? new LocalPlatform() : new AwsPlatform();
}
