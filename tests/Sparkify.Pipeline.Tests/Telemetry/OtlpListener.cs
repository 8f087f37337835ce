using System.Net;
using System.Text;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Telemetry;

/// An OTLP/HTTP collector stand-in on a free loopback port: it records each request and answers with one status.
sealed class OtlpListener : IDisposable
{
    readonly HttpListener _listener = new();
    readonly Task<(string Method, string Path, string? ContentType, string Body)> _first;

    public OtlpListener(int status = 200)
    {
        var port = Ports.Free();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _first = Task.Run(async () =>
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            context.Response.StatusCode = status;
            context.Response.Close();
            return (context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, body);
        });
    }

    public string Endpoint { get; }

    /// The first request, within 30 s.
    public (string Method, string Path, string? ContentType, string Body) Next()
    {
        Assert.That(_first.Wait(TimeSpan.FromSeconds(30)), Is.True, $"no request reached {Endpoint}");
        return _first.Result;
    }

    public void Dispose() => _listener.Close();
}
