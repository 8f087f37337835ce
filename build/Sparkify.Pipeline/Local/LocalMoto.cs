using System.Diagnostics;

namespace Sparkify.Pipeline.Local;

/// <summary>
/// The local profile's AWS control plane: moto's server (IAM, Redshift, EC2, S3, STS) on 127.0.0.1. Started in its
/// own session so it outlives this run and is reused by the next; its pid is kept in the folder and the state file
/// for Teardown, which checks the command line before signalling it. With <paramref name="warmRegion"/>, moto_serve.py
/// loads the services the pipeline calls (IAM, EC2 and Redshift in that region, S3) in the background once it listens.
/// </summary>
public sealed class LocalMoto(string folder, int port, PipelineLog log, string? warmRegion = null)
{
    string PidFile => Path.Combine(folder, "moto.pid");
    string LogFile => Path.Combine(folder, "moto.log");

    public string Endpoint => $"http://127.0.0.1:{port}";

    /// The pid this call started (null when an already running moto was reused).
    public int? StartedPid { get; private set; }

    /// The pid moto.pid names, if any (it may be stale: check <see cref="IsMoto"/> before signalling it).
    public int? RecordedPid => File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid) ? pid : null;

    /// Whether a command line is a moto serving this port as the pipeline starts it (moto_serve.py, or moto_server).
    public bool IsMoto(IReadOnlyList<string>? commandLine) =>
        commandLine is not null && commandLine.Any(a => Path.GetFileName(a) is "moto_server" or "moto_serve.py") &&
        commandLine.Zip(commandLine.Skip(1)).Any(p => p.First == "-p" && p.Second == port.ToString());

    public async Task<string> EnsureRunningAsync(CancellationToken ct)
    {
        if (Ports.IsListening(port))
        {
            if (await AnswersAsMotoAsync(ct)) return Endpoint;
            throw new PipelineException($"127.0.0.1:{port} is already in use by something that is not moto; stop it or " +
                                        "choose another port with [LOCAL] moto_port");
        }
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo
        {
            // setsid: moto must survive the end of this build (the next target reuses it); the shell records its pid.
            FileName = "/bin/sh",
            // $0 is the program, $1 the log file, the rest its arguments.
            ArgumentList = { "-c", "log=$1; shift; setsid \"$0\" \"$@\" >>\"$log\" 2>&1 </dev/null & echo $!" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
            // No default AMIs: the pipeline never asks for an image, and loading them is a second of EC2's start-up.
            Environment = { ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true", ["MOTO_EC2_LOAD_DEFAULT_AMIS"] = "false" },
        };
        if (warmRegion is not null) info.Environment["SPARKIFY_MOTO_WARM"] = warmRegion;
        foreach (var word in MotoCommand().Concat([LogFile]).Concat(LauncherScript()).Concat(["-H", "127.0.0.1", "-p", port.ToString()]))
            info.ArgumentList.Add(word);
        using (var shell = ProcessRunner.Start(info))
        {
            var pid = (await shell.StandardOutput.ReadToEndAsync(ct)).Trim();
            await File.WriteAllTextAsync(PidFile, pid, ct);
            StartedPid = int.TryParse(pid, out var started) ? started : null;
            await shell.WaitForExitAsync(ct);
        }
        try
        {
            await Ports.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), "moto_server", ct);
        }
        catch (PipelineException e)
        {
            var tail = File.Exists(LogFile) ? string.Join("\n", File.ReadLines(LogFile).TakeLast(5)) : "";
            throw new PipelineException($"{e.Message}; its log {LogFile} ends:\n{tail}");
        }
        log.Information($"Started moto on {Endpoint}");
        return Endpoint;
    }

    /// Stops the moto that moto.pid names, only when that pid is still a moto_server on this port; true when none is left.
    public async Task<bool> StopAsync(CancellationToken ct)
    {
        if (RecordedPid is not { } pid) return true;
        var outcome = await ServiceStop.StopAsync(pid, null, IsMoto, ServiceProcess.SigTerm, TimeSpan.FromSeconds(10), ct);
        if (outcome == StopOutcome.Stopped) log.Information($"Stopped moto on {Endpoint}");
        File.Delete(PidFile);
        return outcome != StopOutcome.StillRunning;
    }

    public async Task<bool> AnswersAsMotoAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            // moto's config endpoint: a small JSON object. (data.json serialises every resource, S3 objects included,
            // and takes seconds once a sample is uploaded, which made a busy moto look like a stranger.)
            using var response = await http.GetAsync($"{Endpoint}/moto-api/config", ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode && body.TrimStart().StartsWith('{');
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// moto_serve.py beside this library when python3 is on PATH: moto_server plus a bulk route that seeds the local
    /// bucket in one request per batch (see the script). Else moto_server itself, and the upload falls back to PUTs.
    /// </summary>
    static string[] MotoCommand() => LauncherScript().Length > 0 ? [ToolPath.Find("python3")!] : [MotoServer()];

    static string[] LauncherScript()
    {
        var script = Path.Combine(Path.GetDirectoryName(typeof(LocalMoto).Assembly.Location)!, "Local", "moto_serve.py");
        return File.Exists(script) && ToolPath.Find("python3") is not null ? [script] : [];
    }

    static string MotoServer() => ToolPath.Find("moto_server") ?? throw new PipelineException(
        "moto_server was not found on PATH; install it with: pip install 'moto[server]' (the local profile needs it, see README prerequisites)");
}
