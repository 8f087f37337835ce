using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Aws.Serverless;

/// <summary>
/// One Redshift Serverless call: the operation and its JSON input, member names and nesting as the service model
/// (redshift-serverless 2021-04-21) spells them. Building it is pure, so tests check every one against the model.
/// </summary>
public sealed record ServerlessRequest(string Operation, JsonObject Input)
{
    public static ServerlessRequest Of(string operation, params (string Member, JsonNode? Value)[] members)
    {
        var input = new JsonObject();
        foreach (var (member, value) in members) input[member] = value;
        return new ServerlessRequest(operation, input);
    }

    /// The X-Amz-Target header of the JSON 1.1 protocol: the model's targetPrefix, a dot, the operation.
    public string Target => $"{RedshiftServerless.TargetPrefix}.{Operation}";

    /// The value of one top-level member as text, or null: for tests and for logging names.
    public string? this[string member] => Input[member]?.ToJsonString().Trim('"');

    /// Never prints values: the names only.
    public override string ToString() => $"{Operation} ({string.Join(", ", Input.Select(m => m.Key))})";
}
