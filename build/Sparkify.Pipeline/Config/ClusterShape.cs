namespace Sparkify.Pipeline.Config;

/// <summary>
/// [CLUSTER] node_type, cluster_type and num_nodes together: a node type AWS creates today, in a shape it accepts.
/// A retired type is refused here, before any request, naming AWS's change and the replacement.
/// </summary>
static class ClusterShape
{
    public static void Check(ConfigLayers layers, ClusterSettings cluster, ConfigReader reader)
    {
        if (layers.Find("CLUSTER", "node_type") is not { } nodeType) return;
        if (NodeType.RetiredFamily(cluster.NodeType) is { } family)
        {
            reader.Add(nodeType.Invalid(
                $"is a retired node type: AWS no longer creates {family} clusters (DC2 stopped being provisionable in 2025; " +
                $"CreateCluster answers \"not available for provisioning any more\"); use {NodeType.Replacement} (dwh.cfg's default) " +
                "or another RA3 type, see docs/aws.md").Message);
            return;
        }
        if (NodeType.Find(cluster.NodeType) is not { } known)
        {
            reader.Add(nodeType.Invalid($"is not one of {string.Join(", ", NodeType.Current.Select(t => t.Name))}").Message);
            return;
        }
        if (cluster.ClusterType == "single-node" && !known.SingleNode && layers.Find("CLUSTER", "cluster_type") is { } type)
            reader.Add(type.Invalid(known.CountProblem(cluster.ClusterType, cluster.NumNodes)!).Message);
        else if (layers.Find("CLUSTER", "num_nodes") is { } nodes && known.CountProblem(cluster.ClusterType, cluster.NumNodes) is { } problem)
            reader.Add(nodes.Invalid(problem).Message);
    }
}
