using System.Text.Json.Nodes;
using static Sparkify.Pipeline.Aws.Serverless.ServerlessJson;

namespace Sparkify.Pipeline.Aws.Serverless;

/// What GetNamespace says about a namespace: its state, database and the roles it may assume.
public sealed record NamespaceInfo(string Name, string Arn, string Status, string? DbName, string? DefaultIamRoleArn,
    IReadOnlyList<string> IamRoles)
{
    public static NamespaceInfo From(JsonNode? ns) => new(Text(ns, "namespaceName") ?? "", Text(ns, "namespaceArn") ?? "",
        Text(ns, "status") ?? "unknown", Text(ns, "dbName"), Text(ns, "defaultIamRoleArn"), Texts(ns, "iamRoles"));
}
