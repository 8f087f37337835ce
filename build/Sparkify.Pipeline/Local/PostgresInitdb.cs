using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Local;

/// Makes the local profile's cluster: initdb with its bootstrap user and password file, then the profile's settings.
public static class PostgresInitdb
{
    // A throwaway cluster: durability is traded for load speed (see README, local profile). max_connections is raised
    // because every database gets its own Npgsql pool (the test suite makes one database per test). jit is off: the
    // transform's statements each run once, and compiling them cost more than it saved; work_mem 256MB keeps the
    // transform's sorts of a scale-100 sample in memory (issue 13: project/peer 1.31 at 64MB, 1.25 at 256MB).
    static readonly string[] Settings =
    [
        "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", "fsync = off", "synchronous_commit = off",
        "full_page_writes = off", "wal_level = minimal", "max_wal_senders = 0", "max_wal_size = '2GB'",
        "shared_buffers = '256MB'", "work_mem = '256MB'", "maintenance_work_mem = '256MB'", "timezone = 'UTC'",
        "max_connections = 300", "jit = off",
    ];

    /// initdb (as the postgres user when root) into data.initdb, then the settings, then the rename to <paramref name="dataDir"/>.
    public static async Task InitAsync(string folder, string dataDir, string user, string password, PipelineLog log, CancellationToken ct)
    {
        log.Information($"Initialising a local PostgreSQL cluster in {dataDir}");
        Directory.CreateDirectory(folder);
        var initDir = Path.Combine(folder, "data.initdb");
        var pwfile = Path.Combine(folder, "pwfile");
        await using (var writer = new StreamWriter(OwnerOnlyFile.Create(pwfile))) await writer.WriteLineAsync(password);
        try
        {
            // initdb writes into a folder of its own, renamed to data/ once complete: a run killed mid-initdb (the cluster
            // starts beside moto, inside Provision) leaves no half-made cluster that the next run would take as made.
            if (Directory.Exists(initDir)) Directory.Delete(initDir, recursive: true);
            if (ProcessRunner.IsRoot) await GiveToPostgresAsync(folder, ct);
            var (code, output) = await ProcessRunner.RunAsync(ProcessRunner.PostgresTool("initdb"),
                ["-D", initDir, "-U", user, $"--pwfile={pwfile}", "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions",
                    // A throwaway cluster: initdb's closing fsync of every file it wrote is seconds on a busy disk, and
                    // only an OS crash in the moment after initdb could lose what it protects (initdb --no-sync).
                    "--no-sync"],
                ct, asPostgres: true);
            if (code != 0) throw new PipelineException($"initdb failed for {dataDir}: {output}");
        }
        finally
        {
            File.Delete(pwfile);
        }
        await File.AppendAllLinesAsync(Path.Combine(initDir, "postgresql.conf"), Settings.Prepend("# sparkify-dwh local profile"), ct);
        Directory.Move(initDir, dataDir);
    }

    static async Task GiveToPostgresAsync(string folder, CancellationToken ct)
    {
        var (code, output) = await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", folder], ct);
        if (code != 0) throw new PipelineException($"cannot hand {folder} to the postgres user: {output}");
        var (reach, _) = await ProcessRunner.RunAsync("test", ["-w", folder], ct, asPostgres: true);
        if (reach != 0)
            throw new PipelineException($"the postgres user cannot reach {folder} (initdb and pg_ctl refuse to run as root); " +
                                        "make the checkout's parent folders traversable (chmod o+x) or run as a normal user");
    }
}
