using System.Reflection;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Aws.Serverless;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Tests.Targets;

namespace Sparkify.Pipeline.Tests.Aws.Serverless;

/// <summary>
/// Every Redshift Serverless request the pipeline can build, checked against botocore's redshift-serverless model
/// (operation, members, JSON types, enums, min/max, patterns, required) and, byte for byte after parsing, against
/// what botocore's own JSON serializer sends for the same input (body, X-Amz-Target, Content-Type).
/// </summary>
public class ServerlessModelTests
{
    const string RoleArn = "arn:aws:iam::123456789012:role/sparkify-dwh-s3-read";
    const string WorkgroupArn = "arn:aws:redshift-serverless:us-west-2:123456789012:workgroup/0b3f5a3e-1c7d-4e1a-9a57-0d6f3c2b1a90";

    /// The seed's [SERVERLESS] and the less common choices: 4 RPU, the largest 512, weekly and monthly caps, port 8191,
    /// a final snapshot, a next page of usage limits.
    public static IReadOnlyList<ServerlessRequest> AllRequests()
    {
        var seed = MotoAccount.Config("CLUSTER:kind=serverless").Serverless;
        var small = seed with { Namespace = "dwh-4", Workgroup = "dwh-4-rpu", BaseCapacity = 4, MaxRpuHours = 1, Period = "weekly" };
        var large = seed with { BaseCapacity = 512, MaxRpuHours = 10000, Period = "monthly" };
        return
        [
            RedshiftServerless.CreateNamespace(seed, "sparkify", RoleArn),
            RedshiftServerless.CreateNamespace(small, "dev_db", RoleArn),
            RedshiftServerless.CreateWorkgroup(seed, "sg-0123456789abcdef0", 5439),
            RedshiftServerless.CreateWorkgroup(small, "sg-1", 8191),
            RedshiftServerless.CreateWorkgroup(large, "sg-1", 5455),
            RedshiftServerless.CreateUsageLimit(WorkgroupArn, seed),
            RedshiftServerless.CreateUsageLimit(WorkgroupArn, small),
            RedshiftServerless.CreateUsageLimit(WorkgroupArn, large),
            RedshiftServerless.GetNamespace(seed.Namespace),
            RedshiftServerless.GetWorkgroup(seed.Workgroup),
            RedshiftServerless.ListUsageLimits(WorkgroupArn, null),
            RedshiftServerless.ListUsageLimits(WorkgroupArn, "eyJuZXh0IjogMn0="),
            RedshiftServerless.DeleteUsageLimit("3a1e2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"),
            RedshiftServerless.DeleteWorkgroup(seed.Workgroup),
            RedshiftServerless.DeleteNamespace(seed.Namespace, null),
            RedshiftServerless.DeleteNamespace(seed.Namespace, "sparkify-final-2026"),
            RedshiftServerless.GetCredentials(seed.Workgroup, "sparkify"),
        ];
    }

    [Test]
    public void The_checked_requests_cover_every_request_builder_of_RedshiftServerless()
    {
        var builders = typeof(RedshiftServerless).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(ServerlessRequest)).Select(m => m.Name).ToHashSet();
        var checkedOperations = AllRequests().Select(r => r.Operation).ToHashSet();

        Assert.That(builders, Has.Count.EqualTo(10));
        Assert.That(checkedOperations, Is.EquivalentTo(builders));
    }

    [Test]
    public void Every_request_is_valid_in_the_model_and_botocore_serializes_its_input_to_the_same_json_and_target()
    {
        var problems = ServerlessModel.Problems(AllRequests());

        Assert.That(problems.SelectMany(p => p), Is.Empty);
    }

    [Test]
    [Description("issue 26: a parameter renamed by one letter fails the model test")]
    public void Changing_any_member_name_by_one_letter_at_any_depth_is_caught()
    {
        var mutants = new List<ServerlessRequest>();
        var described = new List<string>();
        foreach (var request in AllRequests())
            foreach (var path in MemberPaths(request.Input, []))
            {
                var copy = request.Input.DeepClone().AsObject();
                described.Add($"{request.Operation}: {Rename(copy, path)}");
                mutants.Add(request with { Input = copy });
            }

        var problems = ServerlessModel.Problems(mutants);

        var missed = described.Where((_, i) => problems[i].Count == 0).ToList();
        TestContext.Out.WriteLine($"{mutants.Count} mutants; first objection: {problems[0].FirstOrDefault()}");
        Assert.That(mutants, Has.Count.GreaterThan(40));
        Assert.That(missed, Is.Empty, "mutations the check did not notice");
        Assert.That(problems[0], Has.Some.Contains("not a member of CreateNamespaceRequest (did you mean namespaceName?)"));
    }

    [Test]
    public void Values_outside_the_models_types_enums_ranges_and_patterns_are_caught()
    {
        var bad = new[]
        {
            RedshiftServerless.GetWorkgroup("No_Capitals"),
            RedshiftServerless.GetNamespace("ab"),
            ServerlessRequest.Of("CreateUsageLimit", ("resourceArn", WorkgroupArn), ("usageType", "serverless-compute"), ("amount", "24"),
                ("period", "hourly")),
            ServerlessRequest.Of("CreateWorkgroup", ("workgroupName", "wg-1"), ("namespaceName", "ns-1"), ("publiclyAccessible", "true")),
            ServerlessRequest.Of("ListUsageLimits", ("maxResults", 101)),
            ServerlessRequest.Of("CreateNamespaces", ("namespaceName", "ns-1")),
        };

        var problems = ServerlessModel.Problems(bad);

        Assert.That(problems[0], Has.Some.Contains("does not match the model's pattern"));
        Assert.That(problems[1], Has.Some.Contains("below the model's min 3"));
        Assert.That(problems[2], Has.Some.Contains("amount: Long is an long, got \"24\"").And.Some.Contains("'hourly' is not one of"));
        Assert.That(problems[3], Has.Some.Contains("publiclyAccessible: Boolean is a boolean"));
        Assert.That(problems[4], Has.Some.Contains("above the model's max 100"));
        Assert.That(problems[5], Has.Some.Contains("has no operation CreateNamespaces"));
    }

    /// Every member name in the input as a path of steps (member names and list indexes): tags, tags/0/key, …
    static IEnumerable<object[]> MemberPaths(JsonNode? node, object[] prefix)
    {
        if (node is JsonObject o)
            foreach (var (key, value) in o)
            {
                yield return [.. prefix, key];
                foreach (var inner in MemberPaths(value, [.. prefix, key])) yield return inner;
            }
        else if (node is JsonArray { Count: > 0 } a)
            foreach (var inner in MemberPaths(a[0], [.. prefix, 0])) yield return inner;
    }

    /// Renames the member at the end of <paramref name="path"/> (its last letter moved one place in the alphabet).
    static string Rename(JsonObject root, object[] path)
    {
        JsonNode parent = root;
        foreach (var step in path[..^1]) parent = step is int i ? parent.AsArray()[i]! : parent[(string)step]!;
        var name = (string)path[^1];
        var last = name[^1];
        var renamed = name[..^1] + (last is 'z' or 'Z' ? (char)(last - 1) : (char)(last + 1));
        var value = parent[name];
        parent.AsObject().Remove(name);
        parent.AsObject()[renamed] = value;
        return $"{string.Join("/", path)} -> {renamed}";
    }
}
