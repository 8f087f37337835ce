using System.Text.Json.Nodes;
using Sparkify.Pipeline.Aws.Serverless;

namespace Sparkify.Pipeline.Tests.Aws.Serverless;

/// <summary>
/// botocore's redshift-serverless model through botocore_json_check.py (python3): what is wrong with a request
/// according to the model, the difference between our JSON body and the one botocore's own JSON serializer makes of
/// the same input (compared structurally), and answers shaped by an operation's output shape.
/// </summary>
static class ServerlessModel
{
    public const string Service = "redshift-serverless";

    public static string Script => Path.Combine(Repo.Root, "tests", "Sparkify.Pipeline.Tests", "Aws", "Serverless", "botocore_json_check.py");

    /// For each request: the model's objections, else every difference from botocore's serialization; empty = valid.
    public static IReadOnlyList<string>[] Problems(IReadOnlyList<ServerlessRequest> requests)
    {
        var input = new JsonObject
        {
            ["mode"] = "requests",
            ["requests"] = new JsonArray(requests.Select(r => (JsonNode)new JsonObject
            {
                ["service"] = Service, ["operation"] = r.Operation, ["input"] = r.Input.DeepClone(),
            }).ToArray()),
        };
        var results = Run(input)["results"]!.AsArray();
        return requests.Select((r, i) =>
        {
            var result = results[i]!;
            var problems = result["errors"]!.AsArray().Select(e => $"{r.Operation}: {e}").ToList();
            if (problems.Count > 0) return (IReadOnlyList<string>)problems;
            var theirs = JsonNode.Parse(result["body"]!.GetValue<string>());
            if (!JsonNode.DeepEquals(r.Input, theirs))
                problems.Add($"{r.Operation}: we send {r.Input.ToJsonString()}, botocore sends {theirs?.ToJsonString()}");
            if (result["target"]!.GetValue<string>() != r.Target)
                problems.Add($"{r.Operation}: X-Amz-Target {r.Target}, botocore {result["target"]}");
            if (result["content_type"]!.GetValue<string>() != ServerlessApi.ContentType)
                problems.Add($"{r.Operation}: Content-Type {ServerlessApi.ContentType}, botocore {result["content_type"]}");
            return problems;
        }).ToArray();
    }

    /// An answer to this operation shaped by the model's output shape: full, sparse (required members only) or empty lists.
    public static JsonObject Answer(string operation, string variant) =>
        Run(new JsonObject { ["mode"] = "responses", ["service"] = Service, ["operation"] = operation, ["variant"] = variant })["json"]!.AsObject();

    static JsonNode Run(JsonObject input) => BotocoreModel.RunScript(Script, input);
}
