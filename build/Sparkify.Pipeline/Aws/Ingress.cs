using Amazon.EC2;
using Amazon.EC2.Model;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// The one ingress rule on the cluster port, in the default VPC's "default" security group (the group the cluster
/// is created in). Each rule carries a description naming the cluster, so Teardown finds it without the state file.
/// </summary>
public sealed class Ingress(IAmazonEC2 ec2)
{
    public static string RuleDescription(string clusterId) => $"sparkify-dwh {clusterId}";

    public static DescribeVpcsRequest DefaultVpcRequest() => new() { Filters = [new Filter("isDefault", ["true"])] };

    public static DescribeSecurityGroupsRequest DefaultGroupRequest(string vpcId) =>
        new() { Filters = [new Filter("vpc-id", [vpcId]), new Filter("group-name", ["default"])] };

    public static AuthorizeSecurityGroupIngressRequest AuthorizeRequest(string groupId, int port, string cidr, string description) =>
        new() { GroupId = groupId, IpPermissions = [Permission(port, new IpRange { CidrIp = cidr, Description = description })] };

    public static RevokeSecurityGroupIngressRequest RevokeRequest(string groupId, int port, string cidr) =>
        new() { GroupId = groupId, IpPermissions = [Permission(port, new IpRange { CidrIp = cidr })] };

    /// The default VPC's "default" group; a clear error when the region has no default VPC.
    public async Task<string> DefaultSecurityGroupAsync(string region, CancellationToken ct)
    {
        var vpcs = await ec2.DescribeVpcsAsync(DefaultVpcRequest(), ct);
        var vpc = vpcs.Vpcs?.FirstOrDefault()
                  ?? throw new PipelineException($"region {region} ([AWS] region) has no default VPC; create one with " +
                                                 "'aws ec2 create-default-vpc' or choose another region");
        var groups = await ec2.DescribeSecurityGroupsAsync(DefaultGroupRequest(vpc.VpcId), ct);
        return groups.SecurityGroups?.FirstOrDefault()?.GroupId
               ?? throw new PipelineException($"the default VPC {vpc.VpcId} in {region} has no 'default' security group");
    }

    /// True when the rule was added, false when it was already there.
    public async Task<bool> AuthorizeAsync(string groupId, int port, string cidr, string description, CancellationToken ct)
    {
        try
        {
            await ec2.AuthorizeSecurityGroupIngressAsync(AuthorizeRequest(groupId, port, cidr, description), ct);
            return true;
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidPermission.Duplicate")
        {
            return false;
        }
    }

    /// True when a rule was removed, false when there was none (or the group itself is gone).
    public async Task<bool> RevokeAsync(string groupId, int port, string cidr, CancellationToken ct)
    {
        if (!(await CidrsAsync(groupId, port, ct)).Any(r => r.CidrIp == cidr)) return false;
        try
        {
            await ec2.RevokeSecurityGroupIngressAsync(RevokeRequest(groupId, port, cidr), ct);
            return true;
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode is "InvalidPermission.NotFound" or "InvalidGroup.NotFound")
        {
            return false;
        }
    }

    /// The IPv4 ranges allowed on this TCP port; empty when the group is gone.
    public async Task<IReadOnlyList<IpRange>> CidrsAsync(string groupId, int port, CancellationToken ct)
    {
        try
        {
            var answer = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, ct);
            return (answer.SecurityGroups ?? []).SelectMany(g => g.IpPermissions ?? [])
                .Where(p => p.IpProtocol == "tcp" && p.FromPort == port && p.ToPort == port)
                .SelectMany(p => p.Ipv4Ranges ?? []).ToList();
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == "InvalidGroup.NotFound")
        {
            return [];
        }
    }

    static IpPermission Permission(int port, IpRange range) =>
        new() { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [range] };
}
