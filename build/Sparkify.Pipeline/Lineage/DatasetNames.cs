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

    /// local profile (local S3 is the [LOCAL] bucket on moto under the public key layout): the [S3] prefixes in the [LOCAL] bucket on moto, the PostgreSQL on 127.0.0.1.
    public static DatasetNames Local(S3Settings s3, string bucket, int pgPort, string database) =>
        new(new S3Location(bucket, s3.LogData.Prefix), new S3Location(bucket, s3.SongData.Prefix), $"postgres://127.0.0.1:{pgPort}", database);

    public static DatasetNames Redshift(S3Settings s3, string clusterId, string region, int port, string database) =>
        new(s3.LogData, s3.SongData, $"redshift://{clusterId}.{region}:{port}", database);

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
