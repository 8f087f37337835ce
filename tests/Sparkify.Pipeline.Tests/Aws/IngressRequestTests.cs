using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Aws;

/// The EC2 requests behind the ingress rule: one TCP port, one IPv4 range, in the default VPC's default group.
public class IngressRequestTests
{
    [Test]
    public void Authorize_opens_one_tcp_port_to_one_cidr_with_the_cluster_named_in_the_description()
    {
        var request = Ingress.AuthorizeRequest("sg-1", 5439, "203.0.113.7/32", Ingress.RuleDescription("sparkify-dwh"));

        Assert.That(request.GroupId, Is.EqualTo("sg-1"));
        var permission = request.IpPermissions.Single();
        Assert.That((permission.IpProtocol, permission.FromPort, permission.ToPort), Is.EqualTo(("tcp", 5439, 5439)));
        Assert.That(permission.Ipv4Ranges.Single().CidrIp, Is.EqualTo("203.0.113.7/32"));
        Assert.That(permission.Ipv4Ranges.Single().Description, Is.EqualTo("sparkify-dwh sparkify-dwh"));
    }

    [Test]
    public void Revoke_removes_exactly_that_port_and_cidr()
    {
        var request = Ingress.RevokeRequest("sg-1", 5439, "203.0.113.7/32");

        var permission = request.IpPermissions.Single();
        Assert.That((request.GroupId, permission.IpProtocol, permission.FromPort, permission.ToPort), Is.EqualTo(("sg-1", "tcp", 5439, 5439)));
        Assert.That(permission.Ipv4Ranges.Single().CidrIp, Is.EqualTo("203.0.113.7/32"));
    }

    [Test]
    public void Default_group_lookup_filters_the_default_vpc_and_the_group_named_default()
    {
        Assert.That(Ingress.DefaultVpcRequest().Filters.Select(f => $"{f.Name}={string.Join(",", f.Values)}"), Is.EqualTo(new[] { "isDefault=true" }));
        Assert.That(Ingress.DefaultGroupRequest("vpc-1").Filters.Select(f => $"{f.Name}={string.Join(",", f.Values)}"),
            Is.EqualTo(new[] { "vpc-id=vpc-1", "group-name=default" }));
    }
}
