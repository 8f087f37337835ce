using System.Globalization;
using Amazon.Runtime;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// The Redshift calls Provision, Teardown and Status make, over the Query API (version 2012-12-01). The static
/// methods build the requests (pure, pinned by tests); the instance methods send them and read the answers.
/// </summary>
public sealed class Redshift(QueryApi api)
{
    public const string Version = "2012-12-01";

    public static QueryRequest CreateCluster(ClusterRequest request)
    {
        var s = request.Settings;
        var parameters = new List<(string, string)>
        {
            ("ClusterIdentifier", s.Identifier), ("ClusterType", s.ClusterType), ("NodeType", s.NodeType),
        };
        // NumberOfNodes is only valid for multi-node clusters (CreateCluster API reference).
        if (s.ClusterType == "multi-node") parameters.Add(("NumberOfNodes", s.NumNodes.ToString(CultureInfo.InvariantCulture)));
        parameters.AddRange([
            ("DBName", s.DbName), ("MasterUsername", s.DbUser),
            // Without a password of ours, AWS generates and keeps it (Secrets Manager): nothing to store here.
            request.MasterPassword is { } password ? ("MasterUserPassword", password) : ("ManageMasterPassword", "true"),
            ("Port", s.DbPort.ToString(CultureInfo.InvariantCulture)),
            ("IamRoles.IamRoleArn.1", request.RoleArn),
            ("VpcSecurityGroupIds.VpcSecurityGroupId.1", request.SecurityGroupId),
            ("PubliclyAccessible", "true"),
            ("Encrypted", s.Encrypted ? "true" : "false"),
            ("Tags.Tag.1.Key", "project"), ("Tags.Tag.1.Value", "sparkify-dwh"),
        ]);
        return QueryRequest.Of("CreateCluster", Version, [.. parameters]);
    }

    public static QueryRequest DescribeClusters(string id) => QueryRequest.Of("DescribeClusters", Version, ("ClusterIdentifier", id));

    /// No final snapshot unless one is named (--final-snapshot=NAME).
    public static QueryRequest DeleteCluster(string id, string? finalSnapshot) => finalSnapshot is null
        ? QueryRequest.Of("DeleteCluster", Version, ("ClusterIdentifier", id), ("SkipFinalClusterSnapshot", "true"))
        : QueryRequest.Of("DeleteCluster", Version, ("ClusterIdentifier", id), ("SkipFinalClusterSnapshot", "false"),
            ("FinalClusterSnapshotIdentifier", finalSnapshot));

    /// Temporary credentials for a named database user (here the master user, [CLUSTER] db_user), valid 15 minutes.
    public static QueryRequest GetClusterCredentials(string id, string dbUser, string dbName) => QueryRequest.Of(
        "GetClusterCredentials", Version, ("DbUser", dbUser), ("DbName", dbName), ("ClusterIdentifier", id),
        ("DurationSeconds", CredentialSeconds.ToString(CultureInfo.InvariantCulture)), ("AutoCreate", "false"));

    /// Temporary credentials for the caller's own IAM identity (database user IAM:name or IAMR:role).
    public static QueryRequest GetClusterCredentialsWithIam(string id, string dbName) => QueryRequest.Of(
        "GetClusterCredentialsWithIAM", Version, ("DbName", dbName), ("ClusterIdentifier", id),
        ("DurationSeconds", CredentialSeconds.ToString(CultureInfo.InvariantCulture)));

    /// 900 s, the API's minimum: a run needs them only to open its connections.
    public const int CredentialSeconds = 900;

    /// Fetches temporary database credentials; the password is registered for redaction before anything can log it.
    public async Task<DbCredentials> CredentialsAsync(QueryRequest request, CancellationToken ct)
    {
        var answer = await api.SendAsync(request, ct);
        var password = QueryApi.Find(answer, "DbPassword")
                       ?? throw new PipelineException($"Redshift {request.Action} answered without DbPassword");
        Redact.Register(password);
        var user = QueryApi.Find(answer, "DbUser")
                   ?? throw new PipelineException($"Redshift {request.Action} answered without DbUser");
        var expires = DateTimeOffset.TryParse(QueryApi.Find(answer, "Expiration"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        return new DbCredentials(user, password, expires);
    }

    /// The cluster, or null when there is none of that name.
    public async Task<ClusterInfo?> DescribeAsync(string id, CancellationToken ct)
    {
        try
        {
            var answer = await api.SendAsync(DescribeClusters(id), ct);
            var cluster = answer.Descendants().FirstOrDefault(e => e.Name.LocalName == "Cluster");
            return cluster is null ? null : ClusterInfo.From(cluster);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ClusterNotFound")
        {
            return null;
        }
    }

    /// The cluster's status, or "ClusterNotFound": what the waiters' acceptors match on.
    public async Task<string> StatusAsync(string id, CancellationToken ct) =>
        (await DescribeAsync(id, ct))?.Status ?? "ClusterNotFound";

    public async Task<ClusterInfo> CreateAsync(ClusterRequest request, CancellationToken ct)
    {
        if (request.MasterPassword is { } password) Redact.Register(password);
        var answer = await api.SendAsync(CreateCluster(request), ct);
        var cluster = answer.Descendants().FirstOrDefault(e => e.Name.LocalName == "Cluster")
                      ?? throw new PipelineException($"Redshift CreateCluster {request} answered without the cluster");
        return ClusterInfo.From(cluster);
    }

    public Task DeleteAsync(string id, string? finalSnapshot, CancellationToken ct) => api.SendAsync(DeleteCluster(id, finalSnapshot), ct);
}
