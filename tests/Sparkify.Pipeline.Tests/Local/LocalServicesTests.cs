using System.Net;
using System.Net.Sockets;
using Npgsql;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Tests.Local;

public class LocalServicesTests
{
    static readonly PipelineLog Quiet = new(TextWriter.Null);

    [Test]
    public async Task Postgres_second_start_reuses_the_running_server()
    {
        using var dir = new TempDir("pg");
        var server = new LocalPostgres(dir.File("pg"), Ports.Free(), Quiet);
        var password = Passwords.New();
        try
        {
            var first = await server.EnsureRunningAsync("sparkify", "sparkify_admin", password, CancellationToken.None);
            var started = await PostmasterStartAsync(first);

            var second = await server.EnsureRunningAsync("sparkify", "sparkify_admin", password, CancellationToken.None);

            Assert.That(await PostmasterStartAsync(second), Is.EqualTo(started), "the postmaster was restarted");
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
        Assert.That(await server.IsRunningAsync(CancellationToken.None), Is.False);
    }

    [Test, CancelAfter(90_000), Description("issue 11: a run killed while its cluster started leaves a zombie postmaster; the rerun waits it out")]
    public async Task Postgres_whose_pid_file_names_a_zombie_is_started_once_the_zombie_is_gone(CancellationToken ct)
    {
        using var dir = new TempDir("pg");
        var server = new LocalPostgres(dir.File("pg"), Ports.Free(), Quiet);
        var password = Passwords.New();
        var pidFile = Path.Combine(dir.File("pg"), "data", "postmaster.pid");
        try
        {
            await server.EnsureRunningAsync("sparkify", "sparkify_admin", password, ct);
            var lines = await File.ReadAllLinesAsync(pidFile, ct);
            await server.StopAsync(ct);
            // A child that exits at once under a parent that never reaps it: a zombie for the parent's 3 s, then until
            // this machine's init reaps it, as a postmaster killed with its run's process tree is.
            using var parent = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("python3",
                ["-c", "import os, time\npid = os.fork()\nif pid == 0: os._exit(0)\nprint(pid, flush=True)\ntime.sleep(3)"])
                { RedirectStandardOutput = true })!;
            var zombie = int.Parse((await parent.StandardOutput.ReadLineAsync(ct))!);
            while (!(await File.ReadAllTextAsync($"/proc/{zombie}/stat", ct)).Contains(") Z ")) await Task.Delay(20, ct);
            lines[0] = zombie.ToString();
            await File.WriteAllLinesAsync(pidFile, lines, ct);

            var endpoint = await server.EnsureRunningAsync("sparkify", "sparkify_admin", password, ct);

            Assert.That(Directory.Exists($"/proc/{zombie}"), Is.False, "EnsureRunningAsync returned while the zombie was there");
            Assert.That(await PostmasterStartAsync(endpoint), Is.GreaterThan(DateTime.UtcNow.AddMinutes(-1)), "a fresh postmaster answers");
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task Postgres_rejects_a_wrong_password()
    {
        using var dir = new TempDir("pg");
        var port = Ports.Free();
        var server = new LocalPostgres(dir.File("pg"), port, Quiet);
        try
        {
            await server.EnsureRunningAsync("sparkify", "sparkify_admin", Passwords.New(), CancellationToken.None);
            var wrong = new Pipeline.Warehouse.WarehouseEndpoint(Pipeline.Warehouse.Dialect.Postgres, "127.0.0.1", port, "sparkify", "sparkify_admin", "Wrong-Passw0rd");

            Assert.That(async () => await wrong.OpenAsync(CancellationToken.None),
                Throws.TypeOf<PipelineException>().With.Message.Contains("password authentication failed"));
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public void Postgres_on_a_port_taken_by_another_process_is_a_clear_error()
    {
        using var dir = new TempDir("pg");
        using var squatter = Listen(out var port);
        var server = new LocalPostgres(dir.File("pg"), port, Quiet);

        Assert.That(async () => await server.EnsureRunningAsync("sparkify", "sparkify_admin", Passwords.New(), CancellationToken.None),
            Throws.TypeOf<PipelineException>().With.Message.EqualTo(
                $"127.0.0.1:{port} is already in use by another process, so the local PostgreSQL cannot start there; " +
                "stop that process or choose another port with [LOCAL] pg_port"));
    }

    [Test]
    public void Moto_on_a_port_taken_by_another_process_is_a_clear_error()
    {
        using var dir = new TempDir("moto");
        using var squatter = Listen(out var port);
        var moto = new LocalMoto(dir.Path, port, Quiet);

        Assert.That(async () => await moto.EnsureRunningAsync(CancellationToken.None),
            Throws.TypeOf<PipelineException>().With.Message.StartsWith($"127.0.0.1:{port} is already in use by something that is not moto"));
    }

    [Test]
    public async Task Moto_is_reused_and_stopped()
    {
        using var dir = new TempDir("moto");
        var port = Ports.Free();
        var moto = new LocalMoto(dir.Path, port, Quiet);

        var endpoint = await moto.EnsureRunningAsync(CancellationToken.None);
        var pid = File.ReadAllText(dir.File("moto.pid"));
        await moto.EnsureRunningAsync(CancellationToken.None);
        var pidAfterReuse = File.ReadAllText(dir.File("moto.pid"));
        await moto.StopAsync(CancellationToken.None);

        Assert.That(endpoint, Is.EqualTo($"http://127.0.0.1:{port}"));
        Assert.That(pidAfterReuse, Is.EqualTo(pid));
        Assert.That(Ports.IsListening(port), Is.False, "moto still answers after StopAsync");
    }

    /// Changes whenever the server restarts (microsecond resolution).
    static async Task<DateTime> PostmasterStartAsync(Pipeline.Warehouse.WarehouseEndpoint endpoint)
    {
        await using var connection = await endpoint.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("select pg_postmaster_start_time()", connection);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    static TcpListener Listen(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }
}
