namespace Sparkify.Pipeline.Config;

/// [CLUSTER] kind: the shape of the aws profile's warehouse. The local profile's warehouse is PostgreSQL either way.
public enum WarehouseKind
{
    /// A Redshift cluster of [CLUSTER] node_type x num_nodes, billed per node-hour while it exists (the default).
    Provisioned,

    /// Redshift Serverless: a namespace and a workgroup ([SERVERLESS]), billed per RPU-second while queries run.
    Serverless,
}
