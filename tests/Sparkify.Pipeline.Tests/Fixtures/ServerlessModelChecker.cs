using System.Diagnostics;
using System.Text.Json.Nodes;
using Sparkify.Pipeline.Tests.Aws.Serverless;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// One botocore_json_check.py --serve process: checks requests and answers against the redshift-serverless model,
/// one line each way, for the test double's whole life (starting python for every request would be slow).
sealed class ServerlessModelChecker : IDisposable
{
    readonly Process _process;
    readonly Lock _lock = new();

    public ServerlessModelChecker()
    {
        var info = new ProcessStartInfo("python3")
        {
            ArgumentList = { ServerlessModel.Script, "--serve" }, RedirectStandardInput = true, RedirectStandardOutput = true,
            RedirectStandardError = true, UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
    }

    /// The model's objections to this input (shape "input") or answer (shape "output") of the operation; empty = valid.
    public IReadOnlyList<string> Problems(string operation, JsonObject value, string shape)
    {
        var request = new JsonObject
        {
            ["mode"] = "requests",
            ["requests"] = new JsonArray(new JsonObject
            {
                ["service"] = ServerlessModel.Service, ["operation"] = operation, ["input"] = value.DeepClone(), ["shape"] = shape,
            }),
        };
        string? line;
        lock (_lock)
        {
            _process.StandardInput.WriteLine(request.ToJsonString());
            _process.StandardInput.Flush();
            line = _process.StandardOutput.ReadLine();
        }
        if (line is null) throw new InvalidOperationException($"botocore_json_check.py --serve stopped: {_process.StandardError.ReadToEnd()}");
        return JsonNode.Parse(line)!["results"]![0]!["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
