using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Aws;

/// What CreateCluster needs beyond dwh.cfg's [CLUSTER]: the role, the security group and the master password.
public sealed record ClusterRequest(ClusterSettings Settings, string RoleArn, string SecurityGroupId, string MasterPassword)
{
    /// Never prints the password.
    public override string ToString() => $"{Settings.Identifier} ({Settings.NumNodes} x {Settings.NodeType})";
}
