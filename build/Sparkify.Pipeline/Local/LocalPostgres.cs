using Npgsql;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Local;

/// <summary>
/// The local profile's warehouse: a throwaway PostgreSQL cluster in its own folder, on 127.0.0.1 only, with
/// password authentication. Started on first use, reused while it runs, stopped and removed by Teardown.
/// </summary>
public sealed class LocalPostgres(string folder, int port, PipelineLog log)
{
    string DataDir => Path.Combine(folder, "data");
    string LogFile => Path.Combine(folder, "postgres.log");

    public int Port => port;

    public string Folder => folder;

    /// The cluster's postmaster as postmaster.pid names it, and the proof that a pid is it.
    public Postmaster Postmaster => new(DataDir);

    /// The postmaster's pid from postmaster.pid's first line, when the cluster runs.
    public int? PostmasterPid() => Postmaster.Pid;

    /// Whether a command line is this cluster's postmaster: pg_ctl starts it as "postgres -D DATADIR … -p PORT".
    public bool IsPostmaster(IReadOnlyList<string>? commandLine) => Postmaster.IsPostmaster(commandLine);

    public bool Exists => File.Exists(Path.Combine(DataDir, "PG_VERSION"));

    /// Whether this cluster's postmaster runs (postmaster.pid checked against /proc): the pipeline's own even when no state
    /// file records it, as after a run killed while its cluster started beside moto.
    public bool PostmasterRuns() => Postmaster.Runs;

    public async Task<WarehouseEndpoint> EnsureRunningAsync(string database, string user, string password, CancellationToken ct)
    {
        await LingeringPostmasterAsync(ct);
        if (!await IsRunningAsync(ct))
        {
            await ClearStalePidFileAsync(ct);
            if (Ports.IsListening(port))
                throw new PipelineException($"127.0.0.1:{port} is already in use by another process, so the local PostgreSQL " +
                                            "cannot start there; stop that process or choose another port with [LOCAL] pg_port");
            if (!Exists) await PostgresInitdb.InitAsync(folder, DataDir, user, password, log, ct);
            await StartAsync(ct);
        }
        else if (RunningPort() is { } running && running != port)
        {
            throw new PipelineException($"the local PostgreSQL in {folder} is running on port {running}, not {port}; " +
                                        "run ./build.sh Teardown --profile=local, or set [LOCAL] pg_port back");
        }
        var endpoint = new WarehouseEndpoint(Dialect.Postgres, "127.0.0.1", port, database, user, password);
        await EnsureDatabaseAsync(endpoint, ct);
        return endpoint;
    }

    /// <summary>
    /// Waits (up to 30 s) while postmaster.pid names a zombie or a postmaster that is not ready. A run killed
    /// with its process tree while its cluster started beside moto leaves a postmaster dying, or a zombie until it is
    /// reaped: pg_ctl status (kill -0) calls it running though it accepts no connection, and its lock file blocks a new
    /// start. Once it is gone the cluster is started as after any stop; one still starting up is waited for.
    /// </summary>
    async Task LingeringPostmasterAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && PostmasterPid() is { } pid && Directory.Exists($"/proc/{pid}"))
        {
            // Alive: a ready postmaster is used, another process (a reused pid) makes the file stale; a zombie is waited out.
            if (ServiceProcess.IsAlive(pid) && (!IsPostmaster(ServiceProcess.CommandLine(pid)) || PidFileLine(7) == "ready")) return;
            await Task.Delay(100, ct);
        }
    }

    /// Whether this cluster's postmaster runs, proven from /proc (pg_ctl status would take any live pid in postmaster.pid).
    public Task<bool> IsRunningAsync(CancellationToken ct) => Task.FromResult(Exists && Postmaster.Runs);

    /// Stops the postmaster with SIGINT (fast shutdown) once it is proven to be this cluster's, never through pg_ctl stop,
    /// which signals postmaster.pid's pid unchecked. A stale postmaster.pid is reported and nothing is signalled.
    public async Task StopAsync(CancellationToken ct)
    {
        if (Postmaster.Pid is not { } pid) return;
        if (Postmaster.Stale() is { } stale)
        {
            log.Warning($"{stale}: not signalled");
            return;
        }
        var outcome = await ServiceStop.StopAsync(pid, Postmaster.Proven, ServiceProcess.SigInt, TimeSpan.FromSeconds(60), ct);
        if (outcome == StopOutcome.StillRunning) throw new PipelineException($"the local PostgreSQL (pid {pid}, {DataDir}) did not stop");
        if (outcome == StopOutcome.Stopped) log.Information($"Stopped the local PostgreSQL on 127.0.0.1:{port}");
    }

    /// A stale postmaster.pid blocks a start (PostgreSQL refuses while the pid in it is alive): it is named, and removed
    /// once no process works in the data folder any more (a backend of the crashed server would).
    async Task ClearStalePidFileAsync(CancellationToken ct)
    {
        if (Postmaster.Stale() is not { } stale) return;
        // The crashed server's backends notice their postmaster's death and exit within moments.
        for (var i = 0; i < 300 && ServiceProcess.WorkingIn(DataDir).Count > 0; i++) await Task.Delay(100, ct);
        if (ServiceProcess.WorkingIn(DataDir) is { Count: > 0 } users)
            throw new PipelineException($"{stale}; but {string.Join(", ", users.Select(ServiceProcess.Describe))} still works in {DataDir}: " +
                                        "stop it, then run again");
        File.Delete(Postmaster.PidFile);
        log.Warning($"{stale}; removed it (nothing works in {DataDir}) and starting the cluster again");
    }

    /// pg_ctl start -w decides success or failure (it sees the postmaster exit), but polls readiness every 100 ms; the
    /// pipeline polls postmaster.pid's status line (the same "ready" pg_ctl waits for) every 10 ms beside it, and goes on
    /// as soon as this cluster's proven postmaster is ready. pg_ctl then ends by itself at its next poll.
    async Task StartAsync(CancellationToken ct)
    {
        var pgCtl = ProcessRunner.RunAsync(ProcessRunner.PostgresTool("pg_ctl"),
            ["start", "-D", DataDir, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {port}"], ct, asPostgres: true);
        while (!pgCtl.IsCompleted && !(PidFileLine(7) == "ready" && Postmaster.Runs))
        {
            ct.ThrowIfCancellationRequested();
            await Task.WhenAny(pgCtl, Task.Delay(10, ct));
        }
        if (!pgCtl.IsCompleted)
        {
            // Ready: pg_ctl's own outcome can only be success now; observed so that a late fault is never unobserved.
            _ = pgCtl.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            log.Information($"Started the local PostgreSQL on 127.0.0.1:{port}");
            return;
        }
        var (code, output) = await pgCtl;
        if (code != 0)
        {
            var tail = File.Exists(LogFile) ? string.Join("\n", File.ReadLines(LogFile).TakeLast(5)) : "";
            throw new PipelineException($"the local PostgreSQL did not start on 127.0.0.1:{port}: {output}\n{tail}");
        }
        log.Information($"Started the local PostgreSQL on 127.0.0.1:{port}");
    }

    // postmaster.pid's fourth line is the port (PostgreSQL docs, "Database File Layout").
    int? RunningPort() => int.TryParse(PidFileLine(3), out var p) ? p : null;

    string? PidFileLine(int index) => Postmaster.Line(index);

    static async Task EnsureDatabaseAsync(WarehouseEndpoint endpoint, CancellationToken ct)
    {
        var admin = endpoint.WithDatabase("postgres");
        await using var connection = await admin.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = endpoint.Database } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        // The name was validated as a plain identifier by DwhConfig; quoting keeps it exact.
        await using var create = new NpgsqlCommand($"create database \"{endpoint.Database}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }
}
