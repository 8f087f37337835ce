using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Aws;

/// <summary>
/// AWS's own service models, as botocore ships them, through botocore_check.py (python3): what is wrong with a
/// request according to the model, the parameter set botocore's query serializer makes of the same input, and
/// answers shaped by an operation's output shape.
/// </summary>
static class BotocoreModel
{
    static string Script => Path.Combine(Repo.Root, "tests", "Sparkify.Pipeline.Tests", "Aws", "botocore_check.py");

    /// For each request: the model's objections plus every difference from botocore's serialization; empty = valid.
    public static IReadOnlyList<string>[] Problems(string service, IReadOnlyList<QueryRequest> requests) =>
        Problems(requests.Select(r => (service, r)).ToList());

    public static IReadOnlyList<string>[] Problems(IReadOnlyList<(string Service, QueryRequest Request)> requests)
    {
        var input = new JsonObject
        {
            ["mode"] = "requests",
            ["requests"] = new JsonArray(requests.Select(r => (JsonNode)new JsonObject
            {
                ["service"] = r.Service, ["action"] = r.Request.Action, ["version"] = r.Request.Version,
                ["params"] = new JsonArray(r.Request.Parameters.Select(p => (JsonNode)new JsonArray(p.Key, p.Value)).ToArray()),
            }).ToArray()),
        };
        var results = Run(input)["results"]!.AsArray();
        return requests.Select((r, i) =>
        {
            var result = results[i]!;
            var problems = result["errors"]!.AsArray().Select(e => $"{r.Request.Action}: {e}").ToList();
            if (problems.Count > 0) return (IReadOnlyList<string>)problems;
            var ours = Set(new[] { ("Action", r.Request.Action), ("Version", r.Request.Version) }
                .Concat(r.Request.Parameters.Select(p => (p.Key, p.Value))));
            var theirs = Set(result["botocore"]!.AsArray().Select(p => (p![0]!.GetValue<string>(), p[1]!.GetValue<string>())));
            problems.AddRange(ours.Except(theirs).Select(p => $"{r.Request.Action}: we send {p}, botocore does not"));
            problems.AddRange(theirs.Except(ours).Select(p => $"{r.Request.Action}: botocore sends {p}, we do not"));
            return problems;
        }).ToArray();
    }

    /// An answer to this operation shaped by the model's output shape: full, sparse (optional members left out) or empty lists.
    public static string Answer(string service, string action, string variant) =>
        Run(new JsonObject { ["mode"] = "responses", ["service"] = service, ["action"] = action, ["variant"] = variant })["xml"]!
            .GetValue<string>();

    // Passwords hashed: a difference must not print one into the test log.
    static HashSet<string> Set(IEnumerable<(string Key, string Value)> pairs) => pairs.Select(p => p.Key.Contains("Password")
        ? $"{p.Key}=<hash {(uint)StringComparer.Ordinal.GetHashCode(p.Value) % 100000:00000}>"
        : $"{p.Key}={p.Value}").ToHashSet();

    static JsonNode Run(JsonObject input) => RunScript(Script, input);

    /// Runs one of the botocore check scripts on one JSON document; a failure of the script fails the test.
    public static JsonNode RunScript(string script, JsonObject input)
    {
        var info = new ProcessStartInfo("python3")
        {
            ArgumentList = { script }, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) Assert.Fail($"{Path.GetFileName(script)} failed (exit {process.ExitCode}):\n{stderr.Result}");
        return JsonNode.Parse(stdout.Result) ?? throw new JsonException($"{Path.GetFileName(script)} printed nothing");
    }
}
