using System.Text.Json;
using Sparkify.Pipeline.Local;

namespace Sparkify.Pipeline.Tests.Graph;

/// <summary>
/// The cold local start (issue 13, point 5): when a later target of the run uses the warehouse, Provision starts the
/// local PostgreSQL beside moto instead of leaving it to CreateTables. Provision alone starts none, and a cluster
/// started beside moto is recorded in the state file and stopped by Teardown even when Provision itself fails.
/// </summary>
[NonParallelizable]
public class EarlyClusterStartTests
{
    [Test]
    public void Provision_alone_starts_no_PostgreSQL()
    {
        using var build = new BuildScript();

        var provision = build.Run("Provision");

        Assert.That(provision.ExitCode, Is.EqualTo(0), provision.Output);
        Assert.That(provision.Output, Does.Not.Contain("Initialising a local PostgreSQL"));
        Assert.That(Ports.IsListening(build.PgPort), Is.False, "Provision alone started PostgreSQL");
        Assert.That(Directory.Exists(Path.Combine(build.DataDir, "pg")), Is.False, "Provision alone made a cluster folder");
        Assert.That(LocalPostgresRecord(build), Is.Null);
    }

    [Test]
    public void A_cluster_started_beside_moto_is_recorded_and_torn_down_when_Provision_fails()
    {
        using var build = new BuildScript();

        // Provision refuses the region after moto (and so the cluster beside it) started.
        var failed = build.Run("CreateTables", "--AWS:region=us-wset-2");
        var record = LocalPostgresRecord(build);
        var listening = Ports.IsListening(build.PgPort);
        var teardown = build.Run("Teardown", "--profile=local");

        Assert.That(failed.ExitCode, Is.Not.EqualTo(0), failed.Output);
        Assert.That(failed.Output, Does.Contain("[AWS] region 'us-wset-2' is not an AWS region"));
        Assert.That(listening, Is.True, "the cluster started beside moto is not running after the run");
        Assert.That(record, Is.Not.Null, $"the state file does not record the postmaster the run started:\n{failed.Output}");
        Assert.That(ServiceProcess.ListeningOn(build.PgPort), Is.Empty.Or.Contains(record!.Value), "the record names another process");
        Assert.That(teardown.ExitCode, Is.EqualTo(0), teardown.Output);
        Assert.That(Ports.IsListening(build.PgPort), Is.False, "PostgreSQL still listens after Teardown");
        Assert.That(ServiceProcess.IsAlive(record.Value), Is.False, "the recorded postmaster still runs after Teardown");
    }

    /// The pid of the state file's local_postgres record, or null when there is none.
    static int? LocalPostgresRecord(BuildScript build)
    {
        var path = Path.Combine(build.StateDir, "state-local.json");
        if (!File.Exists(path)) return null;
        var state = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        return state.TryGetProperty("local_postgres", out var pg) && pg.ValueKind == JsonValueKind.Object ? pg.GetProperty("pid").GetInt32() : null;
    }
}
