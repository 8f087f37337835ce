using System.Globalization;
using System.Xml.Linq;

namespace Sparkify.Pipeline.Aws;

/// What DescribeClusters says about one cluster. Lists are empty, never null (moto and the SDK omit empty ones).
public sealed record ClusterInfo(
    string Id, string Status, string NodeType, int Nodes, string? Address, int? Port, DateTimeOffset? CreatedAt,
    IReadOnlyList<string> IamRoleArns, IReadOnlyList<string> VpcSecurityGroupIds)
{
    public static ClusterInfo From(XElement cluster)
    {
        string? Text(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        IReadOnlyList<string> Members(string list, string item) => Child(cluster, list)?.Elements()
            .Select(m => Text(m, item)).OfType<string>().ToList() ?? [];

        var endpoint = Child(cluster, "Endpoint");
        return new ClusterInfo(
            Text(cluster, "ClusterIdentifier") ?? "",
            Text(cluster, "ClusterStatus") ?? "unknown",
            Text(cluster, "NodeType") ?? "",
            int.TryParse(Text(cluster, "NumberOfNodes"), out var nodes) ? nodes : 0,
            Text(endpoint, "Address"),
            int.TryParse(Text(endpoint, "Port"), out var port) ? port : null,
            DateTimeOffset.TryParse(Text(cluster, "ClusterCreateTime"), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var created) ? created : null,
            Members("IamRoles", "IamRoleArn"),
            Members("VpcSecurityGroups", "VpcSecurityGroupId"));
    }
}
