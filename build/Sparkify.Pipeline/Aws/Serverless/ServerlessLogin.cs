namespace Sparkify.Pipeline.Aws.Serverless;

/// <summary>
/// A run's way into a Redshift Serverless warehouse: the endpoint from GetWorkgroup (never a stored one) and
/// temporary credentials from GetCredentials for the caller's IAM identity, held in memory only.
/// </summary>
public static class ServerlessLogin
{
    public sealed record Login(string Address, int Port, DbCredentials Credentials);

    public static async Task<Login> FetchAsync(RedshiftServerless api, AwsContext aws, string workgroup, string dbName, PipelineLog log,
        CancellationToken ct)
    {
        var wg = await AwsStep.RunAsync(aws, $"reading Redshift Serverless workgroup {workgroup}", "[SERVERLESS] workgroup and [AWS] region",
            () => api.WorkgroupAsync(workgroup, ct));
        if (wg?.Address is not { } address || wg.Port is not { } port)
            throw new PipelineException($"Redshift Serverless workgroup {workgroup} " +
                                        (wg is null ? "does not exist" : $"has no endpoint yet ({wg.Status})") +
                                        "; run ./build.sh Provision --profile=aws first (./build.sh Status --profile=aws shows it)");
        var credentials = await AwsStep.RunAsync(aws, $"temporary database credentials for workgroup {workgroup} (GetCredentials)",
            "[SERVERLESS] workgroup, [CLUSTER] db_name, and that your IAM identity may call redshift-serverless:GetCredentials (docs/aws.md)",
            () => api.CredentialsAsync(workgroup, dbName, ct));
        log.Information($"Warehouse login: {credentials} from GetCredentials");
        return new Login(address, port, credentials);
    }
}
