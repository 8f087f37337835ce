using Npgsql;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.State;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// One real PostgreSQL server for the whole test run, on a free port (never the local profile's 5439), started on
/// first use and stopped by <see cref="ServicesTeardown"/>. Each test class asks for a database of its own.
/// </summary>
public static class PostgresFixture
{
    const string User = "sparkify_test";
    static readonly SemaphoreSlim Gate = new(1, 1);
    static TempDir? _dir;
    static LocalPostgres? _server;
    static WarehouseEndpoint? _admin;

    /// The superuser's password, for tests that connect from another process.
    public static string AdminPassword { get; } = Passwords.New();

    public static async Task<WarehouseEndpoint> AdminAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_admin is not null) return _admin;
            _dir = new TempDir("pg");
            _server = new LocalPostgres(Path.Combine(_dir.Path, "pg"), Ports.Free(), new PipelineLog(TextWriter.Null));
            try
            {
                _admin = await _server.EnsureRunningAsync("postgres", User, AdminPassword, CancellationToken.None);
            }
            catch (PipelineException e)
            {
                Assert.Fail($"PostgresFixture could not start a real PostgreSQL server: {e.Message}");
            }
            return _admin!;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// A fresh, empty database on the shared server.
    public static async Task<WarehouseEndpoint> NewDatabaseAsync(string prefix = "t")
    {
        var admin = await AdminAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..30].ToLowerInvariant();
        await using (var connection = await admin.OpenAsync(CancellationToken.None))
        await using (var create = new NpgsqlCommand($"create database {name}", connection))
            await create.ExecuteNonQueryAsync();
        return admin.WithDatabase(name);
    }

    public static async Task StopAsync()
    {
        if (_server is not null) await _server.StopAsync(CancellationToken.None);
        _dir?.Dispose();
    }
}
