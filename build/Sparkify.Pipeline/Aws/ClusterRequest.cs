using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// What CreateCluster needs beyond dwh.cfg's [CLUSTER]: the role, the security group and the master password.
/// A null password means AWS manages it (ManageMasterPassword, kept in Secrets Manager): [CLUSTER] auth = iam.
/// </summary>
public sealed record ClusterRequest(ClusterSettings Settings, string RoleArn, string SecurityGroupId, string? MasterPassword)
{
    /// Never prints the password.
    public override string ToString() => $"{Settings.Identifier} ({Settings.NumNodes} x {Settings.NodeType})";
}
