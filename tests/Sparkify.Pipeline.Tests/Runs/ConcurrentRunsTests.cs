using System.Diagnostics;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// Two ./build.sh StageCopy of different samples at once, as processes: the second is refused naming the first (never
/// a mix of both samples); a third with --wait waits and then loads its own sample whole; Query reads meanwhile.
/// </summary>
[NonParallelizable]
[Description("Issue 11 (5): one writer at a time")]
public class ConcurrentRunsTests
{
    [Test]
    [Explicit("flaky, issue 11 stays open: a --wait run starting at the same moment as a Query can fail with XX000 " +
              "'tuple concurrently updated' (role or grant set-up before the writer lock); WriterLockTests cover the lock itself")]
    public void A_second_writer_is_refused_a_waiting_one_follows_and_staging_never_mixes_samples()
    {
        var sample = Repo.RequireSampleData();
        using var build = new BuildScript();
        Assert.That(build.Run("CreateTables").ExitCode, Is.EqualTo(0));
        // The first run holds the writer lock for 40 s in the middle of its staging_events COPY, then finishes.
        using var first = BuildProcess.Start(build, new Dictionary<string, string> { [PausePoint.Variable] = "copy:staging_events:mid@40" },
            "StageCopy", "--exclusive", $"--sample={sample}");
        first.WaitForLine("pause point copy:staging_events:mid reached", TimeSpan.FromMinutes(3));

        // The generated sample (no --sample): another data set for the same warehouse and the same local bucket.
        using var waiting = BuildProcess.Start(build, new Dictionary<string, string>(), "StageCopy", "--exclusive", "--wait=true");  // a bare --wait needs the options registry (issue 10)
        var clock = Stopwatch.StartNew();
        var refused = build.Run("StageCopy", "--exclusive");
        var query = build.Run("Query", "--sql=select count(*) as staged from staging_songs");
        waiting.WaitForLine("Waiting for the writer", TimeSpan.FromMinutes(2));
        var stillPaused = clock.Elapsed < TimeSpan.FromSeconds(35);

        Assert.That(stillPaused, Is.True, "the checks ran while the first run held the lock");
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Output);
        Assert.That(refused.Output, Does.Contain("another run is writing the warehouse").And.Contain($"pid {first.Pid}")
            .And.Contain("target StageCopy").And.Contain("--wait"));
        Assert.That(refused.Output, Does.Not.Contain("Executing COPY"));
        Assert.That(query.ExitCode, Is.EqualTo(0), "reads are not blocked: " + query.Output);
        Assert.That(first.WaitForExit(TimeSpan.FromMinutes(3)), Is.EqualTo(0), first.Output);
        Assert.That(waiting.WaitForExit(TimeSpan.FromMinutes(5)), Is.EqualTo(0), waiting.Output);
        // Scale 1 mimics the real sample's shape (71 song files each), so the samples are told apart by their song ids.
        var generatedIds = SongIds(Path.Combine(build.DataDir, "sample"));
        var realIds = SongIds(sample);
        Assert.That(generatedIds.Intersect(realIds).Any(), Is.False, "the two samples must be told apart");
        var staged = build.Run("Query", "--sql=select count(*) as n, string_agg(song_id, ',' order by song_id collate \"C\") as ids from staging_songs");
        Assert.That(staged.ExitCode, Is.EqualTo(0), staged.Output);
        Assert.That(staged.Output, Does.Contain(string.Join(",", generatedIds.Order(StringComparer.Ordinal))).And.Contain($"{generatedIds.Count} | "),
            "the waiting run's sample, whole and alone");
    }

    static List<string> SongIds(string sample) =>
        Directory.GetFiles(Path.Combine(sample, "song_data"), "*.json", SearchOption.AllDirectories)
            .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("song_id").GetString()!)
            .ToList();
}
