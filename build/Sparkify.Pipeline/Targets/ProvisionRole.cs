using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Targets;

/// Provision's first step: the role Redshift assumes, trusting redshift.amazonaws.com only, with its S3 policy.
public static class ProvisionRole
{
    public static async Task EnsureAsync(AwsSession s, DwhState state, ProvisionResult result, CancellationToken ct)
    {
        var role = s.Config.Iam.RoleName;
        var arn = await s.Iam.RoleArnAsync(role, ct);
        if (arn is null)
        {
            try
            {
                arn = await s.Iam.CreateRoleAsync(role, RolePolicies.Trust(s.IsServerless), ct);
                result.Created.Add($"role {role}");
                s.Log.Information($"IAM role {role} created ({arn})");
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "EntityAlreadyExists")
            {
                arn = await s.Iam.RoleArnAsync(role, ct) ?? throw new PipelineException($"IAM role {role} exists but cannot be read");
            }
        }
        if (!result.Created.Contains($"role {role}"))
        {
            result.Kept.Add($"role {role}");
            s.Log.Information($"IAM role {role} exists ({arn}), kept");
            // A role made for a cluster trusts redshift.amazonaws.com only; a namespace needs Redshift Serverless too.
            if (s.IsServerless) await s.Iam.UpdateTrustAsync(role, RolePolicies.Trust(serverless: true), ct);
        }
        state.RoleName = role;
        state.RoleArn = result.RoleArn = arn;
        s.State.Save(state);

        if (s.Config.Iam.LeastPrivilege) await EnsureInlineAsync(s, state, role, result, ct);
        else await EnsureAttachedAsync(s, state, role, result, ct);
    }

    static async Task EnsureAttachedAsync(AwsSession s, DwhState state, string role, ProvisionResult result, CancellationToken ct)
    {
        var policy = s.Config.Iam.PolicyArn;
        if ((await s.Iam.AttachedPolicyArnsAsync(role, ct)).Contains(policy))
        {
            result.Kept.Add($"policy {policy}");
        }
        else
        {
            try
            {
                await s.Iam.AttachAsync(role, policy, ct);
            }
            catch (AmazonServiceException e) when (e.ErrorCode is "NoSuchEntity" or "InvalidInput")
            {
                throw new PipelineException($"[IAM_ROLE] policy_arn {policy} cannot be attached to {role}: {e.Message}");
            }
            result.Created.Add($"policy {policy}");
            s.Log.Information($"IAM role {role}: attached {policy}");
        }
        state.AttachedPolicyArns = [policy];
        s.State.Save(state);
    }

    static async Task EnsureInlineAsync(AwsSession s, DwhState state, string role, ProvisionResult result, CancellationToken ct)
    {
        var name = RolePolicies.InlinePolicyName;
        var existed = (await s.Iam.InlinePolicyNamesAsync(role, ct)).Contains(name);
        // Put every time: the [S3] sources may have changed, and PutRolePolicy replaces the document in place.
        await s.Iam.PutInlineAsync(role, name, RolePolicies.LeastPrivilege(s.Config.S3), ct);
        (existed ? result.Kept : result.Created).Add($"inline policy {name}");
        s.Log.Information($"IAM role {role}: inline policy {name} (s3:GetObject/s3:ListBucket on the [S3] sources) " +
                          (existed ? "kept up to date" : "added"));
        state.InlinePolicyName = name;
        s.State.Save(state);
    }
}
