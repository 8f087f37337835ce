using System.Text.Json.Nodes;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// The test double's Redshift Serverless: namespaces, workgroups and usage limits in memory, with the transitions the
/// pipeline must wait for. A workgroup is CREATING and a deleted workgroup or namespace DELETING for
/// <c>pollsUntilDone</c> reads before it is AVAILABLE or gone; a namespace with a workgroup cannot be deleted
/// (ConflictException); names are unique (ConflictException); anything unknown is ResourceNotFoundException.
/// </summary>
sealed class ServerlessState(int pollsUntilDone)
{
    const string Account = "123456789012";

    sealed class Resource
    {
        public required JsonObject Body;
        public int Polls;
        public string Status { get => Body["status"]!.GetValue<string>(); set => Body["status"] = value; }
    }

    readonly Dictionary<string, Resource> _namespaces = [], _workgroups = [];
    readonly Dictionary<string, JsonObject> _limits = [];

    public IReadOnlyCollection<string> Namespaces => _namespaces.Keys;
    public IReadOnlyCollection<string> Workgroups => _workgroups.Keys;
    public IReadOnlyCollection<JsonObject> UsageLimits => _limits.Values;
    public List<string> FinalSnapshots { get; } = [];

    public JsonObject? Namespace(string name) => _namespaces.GetValueOrDefault(name)?.Body;
    public JsonObject? Workgroup(string name) => _workgroups.GetValueOrDefault(name)?.Body;

    public (int Status, JsonObject Answer) Handle(string operation, JsonObject input)
    {
        lock (this)
        {
            return operation switch
            {
                "CreateNamespace" => CreateNamespace(input),
                "GetNamespace" => Read(_namespaces, Text(input, "namespaceName"), "namespace", "AVAILABLE"),
                "DeleteNamespace" => DeleteNamespace(input),
                "CreateWorkgroup" => CreateWorkgroup(input),
                "GetWorkgroup" => Read(_workgroups, Text(input, "workgroupName"), "workgroup", "AVAILABLE"),
                "DeleteWorkgroup" => DeleteWorkgroup(input),
                "CreateUsageLimit" => CreateUsageLimit(input),
                "ListUsageLimits" => ListUsageLimits(input),
                "DeleteUsageLimit" => _limits.Remove(Text(input, "usageLimitId"), out var gone)
                    ? Ok("usageLimit", gone) : NotFound("usage limit"),
                "GetCredentials" => Credentials(input),
                _ => Error(400, "ValidationException", $"the test double does not implement {operation}"),
            };
        }
    }

    (int, JsonObject) CreateNamespace(JsonObject input)
    {
        var name = Text(input, "namespaceName");
        if (_namespaces.ContainsKey(name)) return Error(400, "ConflictException", $"namespace {name} already exists");
        var body = new JsonObject
        {
            ["namespaceName"] = name, ["namespaceId"] = Guid.NewGuid().ToString(), ["status"] = "AVAILABLE",
            ["namespaceArn"] = $"arn:aws:redshift-serverless:us-west-2:{Account}:namespace/{Guid.NewGuid()}",
            ["dbName"] = input["dbName"]?.DeepClone(), ["iamRoles"] = input["iamRoles"]?.DeepClone(),
            ["defaultIamRoleArn"] = input["defaultIamRoleArn"]?.DeepClone(), ["creationDate"] = Now,
        };
        _namespaces[name] = new Resource { Body = body };
        return Ok("namespace", body);
    }

    (int, JsonObject) CreateWorkgroup(JsonObject input)
    {
        var (name, ns) = (Text(input, "workgroupName"), Text(input, "namespaceName"));
        if (!_namespaces.ContainsKey(ns)) return NotFound($"namespace {ns}");
        if (_workgroups.ContainsKey(name)) return Error(400, "ConflictException", $"workgroup {name} already exists");
        var port = input["port"]?.GetValue<int>() ?? 5439;
        var body = new JsonObject
        {
            ["workgroupName"] = name, ["workgroupId"] = Guid.NewGuid().ToString(), ["namespaceName"] = ns,
            ["workgroupArn"] = $"arn:aws:redshift-serverless:us-west-2:{Account}:workgroup/{Guid.NewGuid()}",
            ["status"] = pollsUntilDone > 0 ? "CREATING" : "AVAILABLE", ["baseCapacity"] = input["baseCapacity"]?.DeepClone(),
            ["publiclyAccessible"] = input["publiclyAccessible"]?.DeepClone(), ["securityGroupIds"] = input["securityGroupIds"]?.DeepClone(),
            ["port"] = port, ["creationDate"] = Now,
            ["endpoint"] = new JsonObject { ["address"] = $"{name}.{Account}.us-west-2.redshift-serverless.amazonaws.com", ["port"] = port },
        };
        _workgroups[name] = new Resource { Body = body, Polls = pollsUntilDone };
        return Ok("workgroup", body);
    }

    (int, JsonObject) DeleteWorkgroup(JsonObject input)
    {
        var name = Text(input, "workgroupName");
        if (!_workgroups.TryGetValue(name, out var wg)) return NotFound($"workgroup {name}");
        if (wg.Status == "CREATING") return Error(400, "ConflictException", $"workgroup {name} is CREATING");
        foreach (var id in _limits.Where(l => Text(l.Value, "resourceArn") == Text(wg.Body, "workgroupArn")).Select(l => l.Key).ToList())
            _limits.Remove(id);
        return Deleting(_workgroups, name, wg, "workgroup");
    }

    (int, JsonObject) DeleteNamespace(JsonObject input)
    {
        var name = Text(input, "namespaceName");
        if (!_namespaces.TryGetValue(name, out var ns)) return NotFound($"namespace {name}");
        if (_workgroups.Values.Any(w => Text(w.Body, "namespaceName") == name))
            return Error(400, "ConflictException", $"namespace {name} still has a workgroup");
        if (input["finalSnapshotName"] is { } snapshot) FinalSnapshots.Add(snapshot.GetValue<string>());
        return Deleting(_namespaces, name, ns, "namespace");
    }

    (int, JsonObject) Deleting(Dictionary<string, Resource> all, string name, Resource resource, string member)
    {
        resource.Status = "DELETING";
        resource.Polls = pollsUntilDone;
        if (pollsUntilDone == 0) all.Remove(name);
        return Ok(member, resource.Body);
    }

    /// A read moves a resource one step: CREATING to AVAILABLE, DELETING to gone, after pollsUntilDone reads.
    (int, JsonObject) Read(Dictionary<string, Resource> all, string name, string member, string done)
    {
        if (!all.TryGetValue(name, out var resource)) return NotFound($"{member} {name}");
        if (resource.Status is "CREATING" or "DELETING" && resource.Polls-- <= 0)
        {
            if (resource.Status == "DELETING")
            {
                all.Remove(name);
                return NotFound($"{member} {name}");
            }
            resource.Status = done;
        }
        return Ok(member, resource.Body);
    }

    (int, JsonObject) CreateUsageLimit(JsonObject input)
    {
        var arn = Text(input, "resourceArn");
        if (!_workgroups.Values.Any(w => Text(w.Body, "workgroupArn") == arn)) return NotFound($"resource {arn}");
        var id = Guid.NewGuid().ToString();
        var limit = new JsonObject
        {
            ["usageLimitId"] = id, ["usageLimitArn"] = $"arn:aws:redshift-serverless:us-west-2:{Account}:usagelimit/{id}",
            ["resourceArn"] = arn, ["usageType"] = input["usageType"]?.DeepClone(), ["amount"] = input["amount"]?.DeepClone(),
            ["period"] = input["period"]?.DeepClone() ?? "monthly", ["breachAction"] = input["breachAction"]?.DeepClone() ?? "log",
        };
        _limits[id] = limit;
        return Ok("usageLimit", limit);
    }

    (int, JsonObject) ListUsageLimits(JsonObject input)
    {
        var arn = Text(input, "resourceArn");
        if (!_workgroups.Values.Any(w => Text(w.Body, "workgroupArn") == arn)) return NotFound($"resource {arn}");
        var limits = _limits.Values.Where(l => Text(l, "resourceArn") == arn).Select(l => (JsonNode)l.DeepClone()).ToArray();
        // The model's UsageLimits list has min 1: with none, the member is left out.
        return (200, limits.Length == 0 ? [] : new JsonObject { ["usageLimits"] = new JsonArray(limits) });
    }

    (int, JsonObject) Credentials(JsonObject input)
    {
        var name = Text(input, "workgroupName");
        if (!_workgroups.TryGetValue(name, out var wg)) return NotFound($"workgroup {name}");
        if (wg.Status != "AVAILABLE") return Error(400, "ValidationException", $"workgroup {name} is {wg.Status}");
        return (200, new JsonObject
        {
            ["dbUser"] = "IAM:tester", ["dbPassword"] = "Tmp-" + Guid.NewGuid().ToString("N"),
            ["expiration"] = Now + (input["durationSeconds"]?.GetValue<int>() ?? 900),
        });
    }

    static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    static string Text(JsonObject o, string member) => o[member]?.GetValue<string>() ?? "";

    static (int, JsonObject) Ok(string member, JsonObject body) => (200, new JsonObject { [member] = body.DeepClone() });

    static (int, JsonObject) NotFound(string what) => Error(400, "ResourceNotFoundException", $"{what} not found");

    static (int, JsonObject) Error(int status, string code, string message) =>
        (status, new JsonObject { ["__type"] = $"com.amazonaws.redshiftserverless#{code}", ["message"] = message });
}
