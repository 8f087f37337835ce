using System.Text.Json;
using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Aws;

/// The exact Query API parameters of every IAM call (IAM API reference, version 2010-05-08).
public class IamRequestTests
{
    static Dictionary<string, string> Params(QueryRequest r) => r.Parameters.ToDictionary(p => p.Key, p => p.Value);

    [Test]
    public void CreateRole_sends_name_trust_policy_description_and_project_tag()
    {
        var request = Iam.CreateRole("sparkify-dwh-s3-read", RolePolicies.Trust());

        Assert.That(request.Action, Is.EqualTo("CreateRole"));
        Assert.That(request.Version, Is.EqualTo("2010-05-08"));
        Assert.That(Params(request).Keys, Is.EqualTo(new[]
            { "RoleName", "AssumeRolePolicyDocument", "Description", "Tags.member.1.Key", "Tags.member.1.Value" }));
        Assert.That(request["RoleName"], Is.EqualTo("sparkify-dwh-s3-read"));
        Assert.That(request["AssumeRolePolicyDocument"], Is.EqualTo(RolePolicies.Trust()));
        Assert.That((request["Tags.member.1.Key"], request["Tags.member.1.Value"]), Is.EqualTo(("project", "sparkify-dwh")));
    }

    [Test]
    public void Role_and_policy_calls_send_exactly_their_documented_parameters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Params(Iam.GetRole("r")), Is.EqualTo(new Dictionary<string, string> { ["RoleName"] = "r" }));
            Assert.That(Params(Iam.DeleteRole("r")), Is.EqualTo(new Dictionary<string, string> { ["RoleName"] = "r" }));
            Assert.That(Params(Iam.AttachRolePolicy("r", "arn:p")), Is.EqualTo(new Dictionary<string, string> { ["RoleName"] = "r", ["PolicyArn"] = "arn:p" }));
            Assert.That(Params(Iam.DetachRolePolicy("r", "arn:p")), Is.EqualTo(new Dictionary<string, string> { ["RoleName"] = "r", ["PolicyArn"] = "arn:p" }));
            Assert.That(Params(Iam.PutRolePolicy("r", "n", "{}")),
                Is.EqualTo(new Dictionary<string, string> { ["RoleName"] = "r", ["PolicyName"] = "n", ["PolicyDocument"] = "{}" }));
            Assert.That(Params(Iam.DeleteRolePolicy("r", "n")), Is.EqualTo(new Dictionary<string, string> { ["RoleName"] = "r", ["PolicyName"] = "n" }));
            Assert.That(Params(Iam.ListAttachedRolePolicies("r", null)), Is.EqualTo(new Dictionary<string, string> { ["RoleName"] = "r" }));
            Assert.That(Params(Iam.ListRolePolicies("r", "m1")), Is.EqualTo(new Dictionary<string, string> { ["RoleName"] = "r", ["Marker"] = "m1" }));
        });
        Assert.That(new[] { Iam.GetRole("r"), Iam.DeleteRole("r"), Iam.AttachRolePolicy("r", "p"), Iam.DetachRolePolicy("r", "p"),
                Iam.PutRolePolicy("r", "n", "d"), Iam.DeleteRolePolicy("r", "n"), Iam.ListAttachedRolePolicies("r", null), Iam.ListRolePolicies("r", null) }
            .Select(r => r.Action),
            Is.EqualTo(new[] { "GetRole", "DeleteRole", "AttachRolePolicy", "DetachRolePolicy", "PutRolePolicy", "DeleteRolePolicy",
                "ListAttachedRolePolicies", "ListRolePolicies" }));
    }

    [Test]
    public void Trust_policy_lets_only_redshift_assume_the_role()
    {
        var statement = JsonDocument.Parse(RolePolicies.Trust()).RootElement.GetProperty("Statement");

        Assert.That(statement.GetArrayLength(), Is.EqualTo(1));
        Assert.That(statement[0].GetProperty("Principal").GetProperty("Service").GetString(), Is.EqualTo("redshift.amazonaws.com"));
        Assert.That(statement[0].GetProperty("Action").GetString(), Is.EqualTo("sts:AssumeRole"));
        Assert.That(statement[0].GetProperty("Effect").GetString(), Is.EqualTo("Allow"));
    }

    [Test]
    public void Least_privilege_policy_allows_only_get_and_list_on_the_configured_sources()
    {
        var s3 = new Sparkify.Pipeline.Config.S3Settings(new("udacity-dend", "log_data"), new("udacity-dend", "log_json_path.json"),
            new("other-bucket", "song_data/A"), "us-west-2");

        var text = RolePolicies.LeastPrivilege(s3);
        var statements = JsonDocument.Parse(text).RootElement.GetProperty("Statement").EnumerateArray().ToList();

        Assert.That(statements.Select(s => s.GetProperty("Action").GetString()), Is.EqualTo(new[] { "s3:GetObject", "s3:ListBucket", "s3:ListBucket" }));
        Assert.That(statements[0].GetProperty("Resource").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[]
            { "arn:aws:s3:::udacity-dend/log_data*", "arn:aws:s3:::udacity-dend/log_json_path.json*", "arn:aws:s3:::other-bucket/song_data/A*" }));
        Assert.That(statements[2].GetProperty("Resource").GetString(), Is.EqualTo("arn:aws:s3:::other-bucket"));
        Assert.That(statements[2].GetProperty("Condition").GetProperty("StringLike").GetProperty("s3:prefix")[0].GetString(), Is.EqualTo("song_data/A*"));
        Assert.That(text, Does.Not.Contain("s3:*").And.Not.Contain("\"*\""));
    }
}
