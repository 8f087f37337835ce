using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.Runtime;
using Sparkify.Pipeline.Aws;
using Sparkify.Pipeline.Aws.Serverless;

namespace Sparkify.Pipeline.Targets;

/// <summary>
/// Plan's warehouse part for [CLUSTER] kind = serverless: reads the namespace and workgroup (GetNamespace,
/// GetWorkgroup) and lists the Redshift Serverless calls Provision would make, with the cost from
/// pricing/redshift-serverless.json. When the Serverless endpoint does not answer as Redshift Serverless (moto has
/// no such API) it says what it could not check and plans as if nothing existed.
/// </summary>
public static class PlanServerless
{
    public static async Task<(int Port, string Cost)> WarehouseAsync(AwsSession s, string roleArn, string groupId, List<string> calls,
        List<string> existing, List<string> notChecked, CancellationToken ct)
    {
        var settings = s.Config.Serverless;
        var (ns, wg) = await ReadAsync(s, notChecked, ct);
        var timeout = $"at most {s.Config.Cluster.AvailableTimeoutMinutes} min, [CLUSTER] available_timeout_minutes";
        if (ns is null)
        {
            calls.Add(Show(RedshiftServerless.CreateNamespace(settings, s.Config.Cluster.DbName, roleArn)));
            calls.Add($"Redshift Serverless GetNamespace every {WaitSpec.DefaultDelay.TotalSeconds:0} s until AVAILABLE ({timeout})");
        }
        else existing.Add($"namespace {ns.Name} ({ns.Status}); not created again");
        if (wg is null)
        {
            calls.Add(Show(RedshiftServerless.CreateWorkgroup(settings, groupId, s.Config.Cluster.DbPort)));
            calls.Add($"Redshift Serverless GetWorkgroup every {WaitSpec.DefaultDelay.TotalSeconds:0} s until AVAILABLE ({timeout})");
            calls.Add(Show(RedshiftServerless.CreateUsageLimit($"<the workgroup's ARN>", settings)));
        }
        else
        {
            existing.Add($"workgroup {wg.Name} ({wg.Status}, {wg.BaseCapacity} RPU); not created again");
            calls.Add($"Redshift Serverless ListUsageLimits (resourceArn={wg.Arn}), then CreateUsageLimit when no limit of " +
                      $"{settings.MaxRpuHours} RPU-hours {settings.Period} is there");
        }
        return (wg?.Port ?? s.Config.Cluster.DbPort, ServerlessPricing.Load(s.Root).Describe(s.Aws.Region, settings));
    }

    /// The per-run login Plan prints among the statements.
    public static string Login(AwsSession s) =>
        $"{Show(RedshiftServerless.GetWorkgroup(s.Config.Serverless.Workgroup))}, then " +
        Show(RedshiftServerless.GetCredentials(s.Config.Serverless.Workgroup, s.Config.Cluster.DbName));

    /// Both, or nulls with the reason in <paramref name="notChecked"/> when the endpoint is not Redshift Serverless.
    static async Task<(NamespaceInfo? Ns, WorkgroupInfo? Wg)> ReadAsync(AwsSession s, List<string> notChecked, CancellationToken ct)
    {
        var settings = s.Config.Serverless;
        try
        {
            return (await s.Serverless.NamespaceAsync(settings.Namespace, ct), await s.Serverless.WorkgroupAsync(settings.Workgroup, ct));
        }
        catch (Exception e) when (e is AmazonServiceException or PipelineException)
        {
            var endpoint = ServerlessApi.EndpointFor(s.Aws).Url;
            notChecked.Add($"whether namespace {settings.Namespace} and workgroup {settings.Workgroup} exist: Redshift Serverless at {endpoint} " +
                          $"did not answer GetNamespace ({Short(e.Message)}); the calls below assume neither exists " +
                          "(set [AWS] serverless_endpoint when Serverless is elsewhere)");
            return (null, null);
        }
    }

    static string Short(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length > 100 ? line[..100] + "…" : line;
    }

    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// One call with its input as JSON, the role's account redacted.
    static string Show(ServerlessRequest request) => $"Redshift Serverless {request.Operation} {Plan.Redacted(request.Input.ToJsonString(Readable))}";
}
