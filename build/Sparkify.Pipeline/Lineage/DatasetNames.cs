using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Lineage;

/// <summary>
/// Dataset names by OpenLineage's naming conventions (openlineage.io/docs/spec/naming): S3 namespace
/// "s3://{bucket}", name the key prefix; PostgreSQL "postgres://{host}:{port}", name "{database}.{schema}.{table}";
/// Redshift "redshift://{cluster_identifier}.{region}:{port}", name "{database}.{schema}.{table}".
/// </summary>
public sealed record DatasetNames(S3Location LogData, S3Location SongData, string WarehouseNamespace, string Database)
{
    public const string Schema = "public";

    /// The names for this run's profile: local S3 is the [LOCAL] bucket on moto under the public key layout.
    public static DatasetNames For(Run run)
    {
        var c = run.Config;
        if (run.Profile == Profile.Local)
            return new DatasetNames(new S3Location(c.Local.Bucket, c.S3.LogData.Prefix), new S3Location(c.Local.Bucket, c.S3.SongData.Prefix),
                $"postgres://127.0.0.1:{c.Local.PgPort}", c.Cluster.DbName);
        var state = run.State.Load();
        return new DatasetNames(c.S3.LogData, c.S3.SongData,
            $"redshift://{state.ClusterId ?? c.Cluster.Identifier}.{c.Aws.Region}:{state.Port ?? c.Cluster.DbPort}", state.DbName ?? c.Cluster.DbName);
    }

    /// (namespace, name) of a DataFlow node: an S3 source or a table.
    public (string Namespace, string Name) Of(string node) => node switch
    {
        DataFlow.LogData => ($"s3://{LogData.Bucket}", LogData.Prefix),
        DataFlow.SongData => ($"s3://{SongData.Bucket}", SongData.Prefix),
        _ => (WarehouseNamespace, $"{Database}.{Schema}.{node}"),
    };

    /// The URI a person reads in the report: s3://bucket/prefix, or the table's namespace and name.
    public string Display(string node) => Of(node) is var (ns, name) ? $"{ns}/{name}" : node;
}
