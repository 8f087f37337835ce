namespace Sparkify.Pipeline.Config;

/// <summary>
/// A Redshift node type AWS still creates, with the cluster shapes CreateCluster accepts for it: whether it may be a
/// single node, and the node range of a multi-node cluster. From the Amazon Redshift Management Guide's node-type
/// table ("Amazon Redshift provisioned clusters", RA3 node types); docs/aws.md cites the page and its date.
/// </summary>
public sealed record NodeType(string Name, bool SingleNode, int MinNodes, int MaxNodes)
{
    /// RA3 only: AWS stopped creating DC2 clusters in 2025, and DS2/DC1 long before.
    public static readonly IReadOnlyList<NodeType> Current =
    [
        new("ra3.large", SingleNode: true, 2, 16),
        new("ra3.xlplus", SingleNode: true, 2, 16),
        new("ra3.4xlarge", SingleNode: false, 2, 32),
        new("ra3.16xlarge", SingleNode: false, 2, 128),
    ];

    /// Families CreateCluster refuses ("not available for provisioning any more"); botocore and moto still list dc2.
    public static readonly IReadOnlyList<string> RetiredFamilies = ["dc1", "dc2", "ds1", "ds2", "dw1", "dw2"];

    public const string Replacement = "ra3.large";

    public static NodeType? Find(string name) => Current.FirstOrDefault(t => t.Name == name);

    /// The retired family this name belongs to ("dc2" for dc2.large), or null.
    public static string? RetiredFamily(string name) =>
        RetiredFamilies.FirstOrDefault(f => name.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase));

    /// What is wrong with this many nodes of this type in a cluster of this type, or null when CreateCluster accepts it.
    public string? CountProblem(string clusterType, int nodes) => clusterType switch
    {
        "single-node" when !SingleNode => $"does not fit {Name}, which has no single-node clusters (multi-node, {MinNodes} to {MaxNodes} nodes)",
        "single-node" when nodes != 1 => "must be 1 when [CLUSTER] cluster_type is single-node",
        "multi-node" when nodes < MinNodes => $"must be at least {MinNodes} when [CLUSTER] cluster_type is multi-node",
        "multi-node" when nodes > MaxNodes => $"is more than the {MaxNodes} nodes a {Name} cluster can be created with",
        _ => null,
    };
}
