using System.Text.Json.Nodes;
using Amazon.Runtime;
using Sparkify.Pipeline.Config;

namespace Sparkify.Pipeline.Aws.Serverless;

/// <summary>
/// The Redshift Serverless calls Provision, Teardown, Status, Plan and every run's login make (API 2021-04-21, JSON
/// 1.1). The static methods build the requests (pure, checked against botocore's model by tests); the instance
/// methods send them and read the answers. ResourceNotFoundException means "none" wherever a read is made.
/// </summary>
public sealed class RedshiftServerless(ServerlessApi api)
{
    public const string Version = "2021-04-21";
    public const string TargetPrefix = "RedshiftServerless";
    public const string SigningName = "redshift-serverless";
    public const string NotFound = "ResourceNotFoundException";

    /// No admin user: the IAM identity that creates the namespace becomes its admin and logs in with GetCredentials
    /// (management guide, "Getting started with IAM credentials"), so no password exists anywhere.
    public static ServerlessRequest CreateNamespace(ServerlessSettings s, string dbName, string roleArn) => ServerlessRequest.Of(
        "CreateNamespace", ("namespaceName", s.Namespace), ("dbName", dbName), ("iamRoles", new JsonArray(roleArn)),
        ("defaultIamRoleArn", roleArn), ("tags", Tags()));

    public static ServerlessRequest CreateWorkgroup(ServerlessSettings s, string securityGroupId, int port) => ServerlessRequest.Of(
        "CreateWorkgroup", ("workgroupName", s.Workgroup), ("namespaceName", s.Namespace), ("baseCapacity", s.BaseCapacity),
        ("publiclyAccessible", true), ("securityGroupIds", new JsonArray(securityGroupId)), ("port", port), ("tags", Tags()));

    /// The hard cost cap: after max_rpu_hours RPU-hours in the period, AWS stops user queries ("deactivate").
    public static ServerlessRequest CreateUsageLimit(string workgroupArn, ServerlessSettings s) => ServerlessRequest.Of(
        "CreateUsageLimit", ("resourceArn", workgroupArn), ("usageType", "serverless-compute"), ("amount", (long)s.MaxRpuHours),
        ("period", s.Period), ("breachAction", "deactivate"));

    public static ServerlessRequest GetNamespace(string name) => ServerlessRequest.Of("GetNamespace", ("namespaceName", name));

    public static ServerlessRequest GetWorkgroup(string name) => ServerlessRequest.Of("GetWorkgroup", ("workgroupName", name));

    public static ServerlessRequest ListUsageLimits(string workgroupArn, string? nextToken) => nextToken is null
        ? ServerlessRequest.Of("ListUsageLimits", ("resourceArn", workgroupArn), ("usageType", "serverless-compute"))
        : ServerlessRequest.Of("ListUsageLimits", ("resourceArn", workgroupArn), ("usageType", "serverless-compute"), ("nextToken", nextToken));

    public static ServerlessRequest DeleteUsageLimit(string id) => ServerlessRequest.Of("DeleteUsageLimit", ("usageLimitId", id));

    public static ServerlessRequest DeleteWorkgroup(string name) => ServerlessRequest.Of("DeleteWorkgroup", ("workgroupName", name));

    /// No final snapshot unless one is named ([SERVERLESS] final_snapshot or --final-snapshot=NAME).
    public static ServerlessRequest DeleteNamespace(string name, string? finalSnapshot) => finalSnapshot is null
        ? ServerlessRequest.Of("DeleteNamespace", ("namespaceName", name))
        : ServerlessRequest.Of("DeleteNamespace", ("namespaceName", name), ("finalSnapshotName", finalSnapshot));

    /// Temporary credentials for the caller's IAM identity on this workgroup's database, 900 s (the API's minimum).
    public static ServerlessRequest GetCredentials(string workgroup, string dbName) => ServerlessRequest.Of(
        "GetCredentials", ("workgroupName", workgroup), ("dbName", dbName), ("durationSeconds", Redshift.CredentialSeconds));

    static JsonArray Tags() => [new JsonObject { ["key"] = "project", ["value"] = "sparkify-dwh" }];

    public async Task<NamespaceInfo?> NamespaceAsync(string name, CancellationToken ct) =>
        await OrNull(async () => NamespaceInfo.From((await api.SendAsync(GetNamespace(name), ct))["namespace"]));

    public async Task<WorkgroupInfo?> WorkgroupAsync(string name, CancellationToken ct) =>
        await OrNull(async () => WorkgroupInfo.From((await api.SendAsync(GetWorkgroup(name), ct))["workgroup"]));

    /// The state a waiter matches on: the status, or ResourceNotFoundException when there is none.
    public async Task<string> WorkgroupStatusAsync(string name, CancellationToken ct) => (await WorkgroupAsync(name, ct))?.Status ?? NotFound;

    public async Task<string> NamespaceStatusAsync(string name, CancellationToken ct) => (await NamespaceAsync(name, ct))?.Status ?? NotFound;

    public async Task<NamespaceInfo> CreateNamespaceAsync(ServerlessSettings s, string dbName, string roleArn, CancellationToken ct) =>
        NamespaceInfo.From((await api.SendAsync(CreateNamespace(s, dbName, roleArn), ct))["namespace"]);

    public async Task<WorkgroupInfo> CreateWorkgroupAsync(ServerlessSettings s, string securityGroupId, int port, CancellationToken ct) =>
        WorkgroupInfo.From((await api.SendAsync(CreateWorkgroup(s, securityGroupId, port), ct))["workgroup"]);

    public async Task<UsageLimitInfo> CreateUsageLimitAsync(string workgroupArn, ServerlessSettings s, CancellationToken ct) =>
        UsageLimitInfo.From((await api.SendAsync(CreateUsageLimit(workgroupArn, s), ct))["usageLimit"]);

    /// Every serverless-compute limit on the workgroup, following nextToken; empty when the workgroup is gone.
    public async Task<IReadOnlyList<UsageLimitInfo>> UsageLimitsAsync(string workgroupArn, CancellationToken ct)
    {
        var all = new List<UsageLimitInfo>();
        string? token = null;
        do
        {
            var page = await OrNull(() => api.SendAsync(ListUsageLimits(workgroupArn, token), ct));
            if (page is null) return all;
            all.AddRange((page["usageLimits"] as JsonArray ?? []).Select(UsageLimitInfo.From));
            token = ServerlessJson.Text(page, "nextToken");
        } while (token is not null);
        return all;
    }

    /// True when something was deleted, false when it was already gone.
    public Task<bool> DeleteUsageLimitAsync(string id, CancellationToken ct) => Deleted(() => api.SendAsync(DeleteUsageLimit(id), ct));

    public Task<bool> DeleteWorkgroupAsync(string name, CancellationToken ct) => Deleted(() => api.SendAsync(DeleteWorkgroup(name), ct));

    public Task<bool> DeleteNamespaceAsync(string name, string? finalSnapshot, CancellationToken ct) =>
        Deleted(() => api.SendAsync(DeleteNamespace(name, finalSnapshot), ct));

    /// The run's database login; the password is registered for redaction before anything can log it.
    public async Task<DbCredentials> CredentialsAsync(string workgroup, string dbName, CancellationToken ct)
    {
        var answer = await api.SendAsync(GetCredentials(workgroup, dbName), ct);
        var password = ServerlessJson.Text(answer, "dbPassword")
                       ?? throw new PipelineException("Redshift Serverless GetCredentials answered without dbPassword");
        Redact.Register(password);
        var user = ServerlessJson.Text(answer, "dbUser")
                   ?? throw new PipelineException("Redshift Serverless GetCredentials answered without dbUser");
        return new DbCredentials(user, password, ServerlessJson.Time(answer, "expiration"));
    }

    static async Task<T?> OrNull<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (AmazonServiceException e) when (e.ErrorCode == NotFound)
        {
            return null;
        }
    }

    static async Task<bool> Deleted(Func<Task<JsonObject>> delete) => await OrNull(delete) is not null;
}
