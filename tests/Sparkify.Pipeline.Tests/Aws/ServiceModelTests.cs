using System.Reflection;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Tests.Targets;

namespace Sparkify.Pipeline.Tests.Aws;

/// <summary>
/// Every IAM and Redshift request the pipeline can build, checked against AWS's own service models (botocore's copy):
/// the operation and version exist, every parameter name and list flattening is the model's, values have the model's
/// types, enums and patterns, required members are there; and botocore's query serializer, given the same input,
/// sends exactly the same parameters.
/// </summary>
public class ServiceModelTests
{
    static DwhConfig Seed => MotoAccount.Config();

    const string RoleArn = "arn:aws:iam::123456789012:role/sparkify-dwh-s3-read";

    /// The seed's configuration and the less common options: least privilege over two buckets, a customer policy,
    /// four unencrypted ra3.xlplus nodes on port 1150, a password cluster, a final snapshot, list pages, both logins.
    public static IReadOnlyList<(string Service, QueryRequest Request)> AllRequests()
    {
        var seed = Seed;
        var unusual = MotoAccount.Config("IAM_ROLE:policy_arn=arn:aws:iam::123456789012:policy/team/sparkify-read",
            "IAM_ROLE:role_name=dwh.role+test@team");
        // (--S3:key=value is not accepted on the command line: ConfigLayers.FromArgument wants upper-case letters only.)
        var twoBuckets = seed.S3 with
        {
            LogData = new S3Location("my-logs-2026", "2026/events"), SongData = new S3Location("other.bucket", "songs/A"),
        };
        var role = seed.Iam.RoleName;
        var iam = new[]
        {
            Iam.CreateRole(role, RolePolicies.Trust()), Iam.CreateRole(unusual.Iam.RoleName, RolePolicies.Trust()),
            Iam.CreateRole(role, RolePolicies.Trust(serverless: true)), Iam.UpdateAssumeRolePolicy(role, RolePolicies.Trust(serverless: true)),
            Iam.GetRole(role), Iam.DeleteRole(role),
            Iam.AttachRolePolicy(role, seed.Iam.PolicyArn), Iam.AttachRolePolicy(role, unusual.Iam.PolicyArn),
            Iam.DetachRolePolicy(role, seed.Iam.PolicyArn),
            Iam.PutRolePolicy(role, RolePolicies.InlinePolicyName, RolePolicies.LeastPrivilege(seed.S3)),
            Iam.PutRolePolicy(role, RolePolicies.InlinePolicyName, RolePolicies.LeastPrivilege(twoBuckets)),
            Iam.DeleteRolePolicy(role, RolePolicies.InlinePolicyName),
            Iam.ListAttachedRolePolicies(role, null), Iam.ListAttachedRolePolicies(role, "AAB3r+tk/Q8a=="),
            Iam.ListRolePolicies(role, null), Iam.ListRolePolicies(role, "AAB3r+tk/Q8a=="),
        };
        var cluster = seed.Cluster;
        var multi = cluster with { ClusterType = "multi-node", NumNodes = 4, NodeType = "ra3.xlplus", Encrypted = false, DbPort = 1150 };
        var redshift = new[]
        {
            Redshift.CreateCluster(new ClusterRequest(cluster, RoleArn, "sg-0123456789abcdef0", null)),
            Redshift.CreateCluster(new ClusterRequest(multi, RoleArn, "sg-0123456789abcdef0", "Secret-Pass-123")),
            Redshift.DescribeClusters(cluster.Identifier),
            Redshift.DeleteCluster(cluster.Identifier, null), Redshift.DeleteCluster(cluster.Identifier, "sparkify-final-2026"),
            ClusterLogin.Request(cluster, cluster.Identifier, cluster.DbName, null),
            ClusterLogin.Request(cluster with { Auth = ClusterAuth.IamIdentity }, cluster.Identifier, cluster.DbName, null),
        };
        return [.. iam.Select(r => ("iam", r)), .. redshift.Select(r => ("redshift", r))];
    }

    [Test]
    public void The_checked_requests_cover_every_request_builder_of_Iam_and_Redshift()
    {
        var builders = new[] { typeof(Iam), typeof(Redshift) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(QueryRequest)).Select(m => m.Name.ToLowerInvariant()).ToHashSet();
        var checkedActions = AllRequests().Select(r => r.Request.Action.ToLowerInvariant()).ToHashSet();

        Assert.That(builders, Has.Count.GreaterThanOrEqualTo(14));
        Assert.That(checkedActions, Is.EquivalentTo(builders));
    }

    [Test]
    public void Every_request_is_valid_in_the_model_and_botocore_serializes_its_input_to_the_same_parameters()
    {
        var requests = AllRequests();

        var problems = BotocoreModel.Problems(requests);

        Assert.That(problems.SelectMany(p => p), Is.Empty);
        Assert.That(requests.Select(r => r.Request.Action).Distinct(), Has.Member("GetClusterCredentialsWithIAM"));
    }

    [Test]
    public void Changing_any_parameter_name_by_one_letter_is_caught()
    {
        var mutants = new List<(string Service, QueryRequest Request)>();
        var described = new List<string>();
        foreach (var (service, request) in AllRequests())
            for (var i = 0; i < request.Parameters.Count; i++)
            {
                var key = request.Parameters[i].Key;
                var parameters = request.Parameters.ToList();
                parameters[i] = KeyValuePair.Create(OneLetterOff(key), parameters[i].Value);
                mutants.Add((service, request with { Parameters = parameters }));
                described.Add($"{request.Action}: {key} -> {OneLetterOff(key)}");
            }

        var problems = BotocoreModel.Problems(mutants);

        var missed = described.Where((_, i) => problems[i].Count == 0).ToList();
        Assert.That(mutants, Has.Count.GreaterThan(60));
        Assert.That(missed, Is.Empty, "mutations the check did not notice");
    }

    [Test]
    public void A_misspelt_list_item_name_is_caught_by_the_comparison_with_botocore()
    {
        var request = Redshift.CreateCluster(new ClusterRequest(Seed.Cluster, RoleArn, "sg-1", null));
        var wrong = request with
        {
            Parameters = request.Parameters.Select(p => p.Key == "IamRoles.IamRoleArn.1" ? KeyValuePair.Create("IamRoles.member.1", p.Value) : p).ToList(),
        };

        var problems = BotocoreModel.Problems("redshift", [wrong])[0];

        Assert.That(problems, Has.Some.Contains("we send IamRoles.member.1="));
        Assert.That(problems, Has.Some.Contains("botocore sends IamRoles.IamRoleArn.1="));
    }

    [Test]
    public void A_value_outside_the_models_pattern_or_type_is_caught()
    {
        var problems = BotocoreModel.Problems("iam", [Iam.GetRole("no spaces allowed"), Iam.ListRolePolicies("r", "")])
            .SelectMany(p => p).ToList();
        var redshift = BotocoreModel.Problems("redshift",
            [QueryRequest.Of("DescribeClusters", Redshift.Version, ("ClusterIdentifier", "x"), ("MaxRecords", "many"))])[0];

        Assert.That(problems, Has.Some.Contains("RoleName: value does not match the model's pattern"));
        Assert.That(problems, Has.Some.Contains("Marker"));
        Assert.That(redshift, Has.Some.Contains("MaxRecords: 'many' is not an integer"));
    }

    /// The last letter of the name's last word moved one place in the alphabet: NodeType -> NodeTypf.
    static string OneLetterOff(string key)
    {
        var at = key.Length - 1;
        while (!char.IsLetter(key[at])) at--;
        var c = key[at];
        var next = c is 'z' or 'Z' ? (char)(c - 1) : (char)(c + 1);
        return key[..at] + next + key[(at + 1)..];
    }
}
