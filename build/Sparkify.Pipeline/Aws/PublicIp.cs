using System.Net;
using System.Net.Sockets;

namespace Sparkify.Pipeline.Aws;

/// The caller's public IPv4 address as a /32, the aws profile's default ingress CIDR. The source is injectable.
public static class PublicIp
{
    public const string Service = "https://checkip.amazonaws.com";

    /// Asks checkip.amazonaws.com, which answers with the caller's address as plain text.
    public static async Task<string> CheckIpAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetStringAsync(Service, ct);
    }

    public static async Task<string> DetectCidrAsync(Func<CancellationToken, Task<string>> source, CancellationToken ct)
    {
        string answer;
        try
        {
            answer = (await source(ct)).Trim();
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw NotDetected($"{Service} did not answer: {e.Message}");
        }
        if (!IPAddress.TryParse(answer, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
            throw NotDetected($"{Service} answered '{(answer.Length > 40 ? answer[..40] : answer)}', not an IPv4 address");
        return $"{ip}/32";
    }

    static PipelineException NotDetected(string why) => new(
        $"could not detect your public IP for the cluster's ingress rule ({why}); set [NETWORK] ingress_cidr in dwh.cfg " +
        "(or DWH_NETWORK__INGRESS_CIDR), e.g. ingress_cidr = 203.0.113.7/32");
}
