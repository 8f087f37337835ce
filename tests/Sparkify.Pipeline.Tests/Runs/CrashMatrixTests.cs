using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// Crash anywhere, then converge: ./build.sh Etl on the real sample is killed (kill -9 of its process tree) at a
/// named pause point (SPARKIFY_PAUSE_AT, see PausePoint), then run again; the rerun must leave the seven tables
/// exactly as a clean run did (checksums of ordered rows), and the dead run's 'running' rows 'abandoned'.
/// One clone, one set of local services for all points (about 1.5 minutes a point on 2 shared cores).
/// </summary>
[NonParallelizable]
[Description("Issue 11 (4): crash anywhere, then converge")]
public class CrashMatrixTests
{
    /// Spread over every stage: Provision (2), CreateTables, StageCopy (after the upload, mid-COPY of both tables,
    /// between staging_events' rows and its load_ledger entries, between the tables), Transform (inside three files and before commit), Verify and Report.
    public static readonly string[] Points =
    [
        "provision:after:role", "provision:after:cluster", "createtables:before:commit", "stagecopy:after:upload",
        "copy:staging_events:mid", "copy:staging_events:before:ledger", "stagecopy:between:tables", "copy:staging_songs:mid", "transform:after:10_users.sql",
        "transform:after:45_time.sql", "transform:after:50_songplays.sql", "transform:before:commit",
        "verify:after:songplays_count_matches_staged.sql", "report:before:write",
    ];

    static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    BuildScript _build = null!;
    string _sample = null!;
    Dictionary<string, string> _clean = null!;

    [OneTimeSetUp]
    public async Task CleanRunGivesTheReferenceChecksums()
    {
        _sample = Repo.RequireSampleData();
        _build = new BuildScript();
        var clean = _build.Run("Etl", $"--sample={_sample}");
        Assert.That(clean.ExitCode, Is.EqualTo(0), clean.Output);
        _clean = await WarehouseChecksums.OfAsync(BuildWarehouse.Of(_build));
        // From scratch again, so the first points (in Provision) crash a run that creates everything.
        Assert.That(_build.Run("Teardown").ExitCode, Is.EqualTo(0));
    }

    [OneTimeTearDown]
    public void TearDown() => _build.Dispose();

    [Test, TestCaseSource(nameof(Points))]
    public async Task Etl_killed_at_the_point_then_rerun_equals_a_clean_run(string point)
    {
        // Arrange: a run that stops at the point, then dies without a word. --force: the data is the clean run's, and
        // a load or Transform that is up to date would skip the work the point is inside; the rerun does not force.
        using (var doomed = BuildProcess.Start(_build, new Dictionary<string, string> { [PausePoint.Variable] = point }, "Etl", $"--sample={_sample}", "--force"))
        {
            doomed.WaitForLine($"pause point {point} reached", Patience);
            doomed.KillTree();
            doomed.WaitForExit(TimeSpan.FromSeconds(30));
        }
        var diedWithRows = !point.StartsWith("provision:", StringComparison.Ordinal);

        // Act
        var rerun = _build.Run("Etl", $"--sample={_sample}");

        // Assert
        Assert.That(rerun.ExitCode, Is.EqualTo(0), rerun.Output);
        Assert.That(await WarehouseChecksums.OfAsync(BuildWarehouse.Of(_build)), Is.EqualTo(_clean));
        var runId = BuildWarehouse.Summary(_build)["run_id"]!.GetValue<string>();
        Assert.That(await BuildWarehouse.RowsAsync(_build, "select run_id || ' ' || target from etl_runs where status = 'running'"), Is.Empty);
        var abandoned = await BuildWarehouse.RowsAsync(_build,
            $"select detail from etl_runs where status = 'abandoned' and detail like '%found by run {runId}'");
        // A run killed in Provision has no row yet: Provision's row is written once the run holds the writer lock.
        Assert.That(abandoned, diedWithRows ? Is.Not.Empty : Is.Empty, "the dead run's etl_runs rows");
    }
}
