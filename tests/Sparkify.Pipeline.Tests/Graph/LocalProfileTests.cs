using System.Text.Json;
using Npgsql;
using Sparkify.Pipeline.Local;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Graph;

/// The local profile end to end through ./build.sh: services started, reused, torn down; tables created.
[NonParallelizable]
public class LocalProfileTests
{
    [Test]
    public async Task CreateTables_starts_services_creates_tables_reuses_them_and_teardown_removes_everything()
    {
        using var build = new BuildScript();

        var first = build.Run("CreateTables");
        var second = build.Run("CreateTables");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output);
        Assert.That(first.Output, Does.Contain($"Started the local PostgreSQL on 127.0.0.1:{build.PgPort}"));
        Assert.That(first.Output, Does.Contain($"{Tables.CreatedFor(Dialect.Postgres).Count} created, 0 kept"));
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Output);
        Assert.That(second.Output, Does.Not.Contain("Started the local PostgreSQL"), "the second run did not reuse the server");
        Assert.That(second.Output, Does.Contain($"0 created, {Tables.CreatedFor(Dialect.Postgres).Count} kept"));
        await AssertTablesExistAsync(build);
        AssertSummary(build);

        var teardown = build.Run("Teardown", "--profile=local");
        var again = build.Run("Teardown", "--profile=local");

        Assert.That(teardown.ExitCode, Is.EqualTo(0), teardown.Output);
        Assert.That(again.ExitCode, Is.EqualTo(0), "a second Teardown must succeed too");
        Assert.That(Directory.Exists(build.DataDir), Is.False, "the local data folder is still there");
        Assert.That(Ports.IsListening(build.PgPort), Is.False, "PostgreSQL still listens");
        Assert.That(Ports.IsListening(build.MotoPort), Is.False, "moto still listens");
    }

    static async Task AssertTablesExistAsync(BuildScript build)
    {
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(build.StateDir, "state-local.json")));
        var password = state.RootElement.GetProperty("local_owner_password").GetString()!;
        var warehouse = new WarehouseEndpoint(Dialect.Postgres, "127.0.0.1", build.PgPort, "sparkify", "sparkify_admin", password);
        await using var connection = await warehouse.OpenAsync(CancellationToken.None);
        Assert.That(await Tables.ExistingAsync(connection, CancellationToken.None), Is.SupersetOf(Tables.All));
        Assert.That(File.GetUnixFileMode(Path.Combine(build.StateDir, "state-local.json")),
            Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    static void AssertSummary(BuildScript build)
    {
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(build.ArtifactsDir, "run-summary.json"))).RootElement;
        Assert.That(summary.GetProperty("profile").GetString(), Is.EqualTo("local"));
        Assert.That(summary.GetProperty("status").GetString(), Is.EqualTo("succeeded"));
        var target = summary.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "CreateTables");
        Assert.That(target.GetProperty("name").GetString(), Is.EqualTo("CreateTables"));
        Assert.That(target.GetProperty("status").GetString(), Is.EqualTo("succeeded"));
        Assert.That(summary.GetProperty("tables").GetProperty("songplays").GetInt64(), Is.EqualTo(0));
    }
}
