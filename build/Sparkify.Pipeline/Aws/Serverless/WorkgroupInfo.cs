using System.Text.Json.Nodes;
using static Sparkify.Pipeline.Aws.Serverless.ServerlessJson;

namespace Sparkify.Pipeline.Aws.Serverless;

/// What GetWorkgroup says about a workgroup: its state, capacity and the endpoint the warehouse is reached at.
public sealed record WorkgroupInfo(string Name, string Arn, string Status, string? Namespace, int? BaseCapacity, string? Address,
    int? Port, IReadOnlyList<string> SecurityGroupIds, DateTimeOffset? CreatedAt)
{
    public static WorkgroupInfo From(JsonNode? workgroup)
    {
        var endpoint = workgroup?["endpoint"];
        return new WorkgroupInfo(Text(workgroup, "workgroupName") ?? "", Text(workgroup, "workgroupArn") ?? "",
            Text(workgroup, "status") ?? "unknown", Text(workgroup, "namespaceName"), (int?)Number(workgroup, "baseCapacity"),
            Text(endpoint, "address"), (int?)Number(endpoint, "port") ?? (int?)Number(workgroup, "port"),
            Texts(workgroup, "securityGroupIds"), Time(workgroup, "creationDate"));
    }
}
