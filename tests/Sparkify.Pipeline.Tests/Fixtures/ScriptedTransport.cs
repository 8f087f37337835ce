using System.Net;
using System.Text;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// An HTTP transport that records what reaches it (after signing) and answers from a script; the last answer repeats.
sealed class ScriptedTransport(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body)> Seen { get; } = [];

    public static Func<HttpResponseMessage> Xml(HttpStatusCode status, string xml) =>
        () => new HttpResponseMessage(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    public static Func<HttpResponseMessage> Refused() => () => throw new HttpRequestException("Connection refused (127.0.0.1:1)");

    public static string Error(string code, string message) =>
        $"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Seen.Add((request, request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct)));
        return answers[Math.Min(Seen.Count - 1, answers.Length - 1)]();
    }
}
