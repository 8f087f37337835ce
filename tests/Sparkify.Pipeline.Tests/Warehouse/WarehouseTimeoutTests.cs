using Npgsql;
using Sparkify.Pipeline.Tests.Fixtures;
using Sparkify.Pipeline.Warehouse;

namespace Sparkify.Pipeline.Tests.Warehouse;

/// <summary>
/// Every wait on the warehouse ends (issue 26): an endpoint that accepts and stays silent, or never accepts at all,
/// fails within [CLUSTER] connect_timeout_seconds plus a second, naming the endpoint; a statement that runs past
/// command_timeout_seconds is cancelled.
/// </summary>
public class WarehouseTimeoutTests
{
    const int ConnectTimeout = 2;
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(ConnectTimeout + 1);

    static WarehouseEndpoint Redshift(int port) =>
        new(Dialect.Redshift, "127.0.0.1", port, "sparkify", "sparkify_admin", "Unused-Pass-1") { ConnectTimeoutSeconds = ConnectTimeout };

    [Test]
    [Description("Issue 26: no connect timeout meant minutes of hang on a blocked endpoint")]
    public async Task An_endpoint_that_accepts_but_never_answers_fails_within_the_connect_timeout_naming_it()
    {
        using var silent = new SilentListener();
        var warehouse = Redshift(silent.Port);

        var e = await Bounded.FailureWithinAsync(async () => await (await warehouse.OpenAsync(CancellationToken.None)).DisposeAsync(),
            Bound, "connecting to a silent endpoint");

        Assert.That(e, Is.InstanceOf<PipelineException>());
        Assert.That(e.Message, Does.StartWith($"cannot reach 127.0.0.1:{silent.Port}, the warehouse").And.Contain($"within {ConnectTimeout} s"));
        Assert.That(silent.Connections, Is.GreaterThanOrEqualTo(1), "the connection was accepted, then nothing answered");
    }

    [Test]
    public async Task An_endpoint_that_never_accepts_fails_within_the_connect_timeout_naming_it()
    {
        using var blocked = new FullBacklogListener();
        var warehouse = Redshift(blocked.Port);

        var e = await Bounded.FailureWithinAsync(async () => await (await warehouse.OpenAsync(CancellationToken.None)).DisposeAsync(),
            Bound, "connecting to an endpoint whose backlog is full");

        Assert.That(e, Is.InstanceOf<PipelineException>());
        Assert.That(e.Message, Does.StartWith($"cannot reach 127.0.0.1:{blocked.Port}, the warehouse").And.Contain("ingress_cidr"));
    }

    [Test]
    public async Task A_statement_longer_than_the_command_timeout_is_cancelled()
    {
        var database = await PostgresFixture.NewDatabaseAsync("cmdtimeout");
        var limited = new WarehouseEndpoint(database.Dialect, database.Host, database.Port, database.Database, database.User,
            PostgresFixture.AdminPassword) { CommandTimeoutSeconds = 1 };
        await using var connection = await limited.OpenAsync(CancellationToken.None);

        var e = await Bounded.FailureWithinAsync(async () =>
        {
            await using var sleep = new NpgsqlCommand("select pg_sleep(60)", connection);
            await sleep.ExecuteNonQueryAsync();
        }, TimeSpan.FromSeconds(10), "a 60 s statement under a 1 s command timeout");

        Assert.That(e, Is.InstanceOf<NpgsqlException>().Or.InstanceOf<TimeoutException>());
    }
}
