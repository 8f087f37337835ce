using System.Xml.Linq;
using Amazon.Runtime;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// The IAM calls Provision, Teardown and Status make, over the Query API (version 2010-05-08). The static methods
/// build the requests (pure, pinned by tests); the instance methods send them and read the answers.
/// </summary>
public sealed class Iam(QueryApi api)
{
    public const string Version = "2010-05-08";

    public static QueryRequest CreateRole(string role, string trustPolicy) => QueryRequest.Of("CreateRole", Version,
        ("RoleName", role), ("AssumeRolePolicyDocument", trustPolicy),
        ("Description", "Lets Redshift read the sparkify-dwh sources in S3"),
        ("Tags.member.1.Key", "project"), ("Tags.member.1.Value", "sparkify-dwh"));

    /// Replaces who may assume the role: Provision widens an existing role's trust to Redshift Serverless.
    public static QueryRequest UpdateAssumeRolePolicy(string role, string trustPolicy) =>
        QueryRequest.Of("UpdateAssumeRolePolicy", Version, ("RoleName", role), ("PolicyDocument", trustPolicy));

    public static QueryRequest GetRole(string role) => QueryRequest.Of("GetRole", Version, ("RoleName", role));

    public static QueryRequest DeleteRole(string role) => QueryRequest.Of("DeleteRole", Version, ("RoleName", role));

    public static QueryRequest AttachRolePolicy(string role, string policyArn) =>
        QueryRequest.Of("AttachRolePolicy", Version, ("RoleName", role), ("PolicyArn", policyArn));

    public static QueryRequest DetachRolePolicy(string role, string policyArn) =>
        QueryRequest.Of("DetachRolePolicy", Version, ("RoleName", role), ("PolicyArn", policyArn));

    public static QueryRequest PutRolePolicy(string role, string name, string document) =>
        QueryRequest.Of("PutRolePolicy", Version, ("RoleName", role), ("PolicyName", name), ("PolicyDocument", document));

    public static QueryRequest DeleteRolePolicy(string role, string name) =>
        QueryRequest.Of("DeleteRolePolicy", Version, ("RoleName", role), ("PolicyName", name));

    public static QueryRequest ListAttachedRolePolicies(string role, string? marker) => WithMarker(
        QueryRequest.Of("ListAttachedRolePolicies", Version, ("RoleName", role)), marker);

    public static QueryRequest ListRolePolicies(string role, string? marker) => WithMarker(
        QueryRequest.Of("ListRolePolicies", Version, ("RoleName", role)), marker);

    /// The role's ARN, or null when there is no such role.
    public async Task<string?> RoleArnAsync(string role, CancellationToken ct)
    {
        try
        {
            return QueryApi.Find(await api.SendAsync(GetRole(role), ct), "Arn");
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "NoSuchEntity")
        {
            return null;
        }
    }

    public async Task<string> CreateRoleAsync(string role, string trustPolicy, CancellationToken ct) =>
        QueryApi.Find(await api.SendAsync(CreateRole(role, trustPolicy), ct), "Arn")
        ?? throw new PipelineException($"IAM CreateRole {role} answered without the role's ARN");

    public Task UpdateTrustAsync(string role, string trustPolicy, CancellationToken ct) =>
        api.SendAsync(UpdateAssumeRolePolicy(role, trustPolicy), ct);

    public Task AttachAsync(string role, string policyArn, CancellationToken ct) => api.SendAsync(AttachRolePolicy(role, policyArn), ct);

    public Task DetachAsync(string role, string policyArn, CancellationToken ct) => api.SendAsync(DetachRolePolicy(role, policyArn), ct);

    public Task PutInlineAsync(string role, string name, string document, CancellationToken ct) =>
        api.SendAsync(PutRolePolicy(role, name, document), ct);

    public Task DeleteInlineAsync(string role, string name, CancellationToken ct) => api.SendAsync(DeleteRolePolicy(role, name), ct);

    public Task DeleteAsync(string role, CancellationToken ct) => api.SendAsync(DeleteRole(role), ct);

    public Task<IReadOnlyList<string>> AttachedPolicyArnsAsync(string role, CancellationToken ct) =>
        ListAllAsync(m => ListAttachedRolePolicies(role, m), "PolicyArn", ct);

    public Task<IReadOnlyList<string>> InlinePolicyNamesAsync(string role, CancellationToken ct) =>
        ListAllAsync(m => ListRolePolicies(role, m), "member", ct);

    /// Follows IsTruncated/Marker pages; an empty list (never null) when there is nothing.
    async Task<IReadOnlyList<string>> ListAllAsync(Func<string?, QueryRequest> request, string item, CancellationToken ct)
    {
        var all = new List<string>();
        string? marker = null;
        do
        {
            var answer = await api.SendAsync(request(marker), ct);
            all.AddRange(answer.Descendants().Where(e => e.Name.LocalName == item && !e.HasElements).Select(e => e.Value));
            marker = QueryApi.Find(answer, "IsTruncated") == "true" ? QueryApi.Find(answer, "Marker") : null;
        } while (marker is not null);
        return all;
    }

    static QueryRequest WithMarker(QueryRequest request, string? marker) => marker is null
        ? request
        : request with { Parameters = [.. request.Parameters, KeyValuePair.Create("Marker", marker)] };
}
