using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A TEST DOUBLE for Redshift Serverless, which cannot run here (moto has no backend for it, and no account is used):
/// an HTTP listener on 127.0.0.1 that refuses any request that is not JSON 1.1 signed for redshift-serverless or that
/// botocore's model rejects, keeps namespaces, workgroups and usage limits in a tiny state machine
/// (<see cref="ServerlessState"/>), and answers with JSON the model's output shape accepts. Every call and refusal is
/// recorded for the tests. It proves the pipeline's requests and their order, not AWS's behaviour.
/// </summary>
sealed class ServerlessResponder : IDisposable
{
    readonly HttpListener _listener = new();
    readonly ServerlessModelChecker _model = new();
    readonly Task _loop;

    public ServerlessResponder(int pollsUntilDone)
    {
        var port = Ports.Free();
        Endpoint = $"http://127.0.0.1:{port}/";
        State = new ServerlessState(pollsUntilDone);
        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }
    public ServerlessState State { get; }

    /// Every accepted call: operation and input, in order.
    public List<(string Operation, JsonObject Input)> Calls { get; } = [];

    /// Requests refused as malformed, and answers of ours the model would not accept: both must stay empty.
    public List<string> Refusals { get; } = [];

    public IEnumerable<string> Operations => Calls.Select(c => c.Operation);

    async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            try { await AnswerAsync(context); }
            catch (Exception e) { lock (Refusals) Refusals.Add($"responder failed: {e}"); context.Response.Abort(); }
        }
    }

    async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync();
        var target = request.Headers["X-Amz-Target"] ?? "";
        var operation = target.StartsWith("RedshiftServerless.", StringComparison.Ordinal) ? target["RedshiftServerless.".Length..] : "";
        var problems = new List<string>();
        if (request.HttpMethod != "POST" || request.Url?.AbsolutePath != "/") problems.Add($"{request.HttpMethod} {request.Url?.AbsolutePath}, not POST /");
        if (request.ContentType != "application/x-amz-json-1.1") problems.Add($"Content-Type {request.ContentType}");
        if (!(request.Headers["Authorization"] ?? "").Contains("/redshift-serverless/aws4_request, SignedHeaders=", StringComparison.Ordinal))
            problems.Add("not signed with SigV4 for redshift-serverless");
        var input = JsonNode.Parse(body.Length == 0 ? "{}" : body) as JsonObject ?? [];
        if (problems.Count == 0) problems.AddRange(_model.Problems(operation, input, "input"));
        if (problems.Count > 0)
        {
            lock (Refusals) Refusals.Add($"{target}: {string.Join("; ", problems)}");
            await WriteAsync(context, 400, new JsonObject { ["__type"] = "ValidationException", ["message"] = string.Join("; ", problems) });
            return;
        }
        lock (Calls) Calls.Add((operation, input));
        var (status, answer) = State.Handle(operation, input);
        if (status == 200 && _model.Problems(operation, answer, "output") is { Count: > 0 } bad)
            lock (Refusals) Refusals.Add($"the test double's own {operation} answer is not model-shaped: {string.Join("; ", bad)}");
        await WriteAsync(context, status, answer);
    }

    static async Task WriteAsync(HttpListenerContext context, int status, JsonObject answer)
    {
        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _model.Dispose();
    }
}
