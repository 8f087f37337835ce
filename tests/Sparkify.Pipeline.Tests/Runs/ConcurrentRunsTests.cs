using System.Diagnostics;
using System.Text.RegularExpressions;
using Sparkify.Pipeline.Generation;
using Sparkify.Pipeline.Runs;

namespace Sparkify.Pipeline.Tests.Runs;

/// <summary>
/// Two ./build.sh StageCopy of different samples at once, as processes: the second is refused within a second naming
/// the first (never a mix of both samples); a third with --wait, started at the same moment as Query, Report and Status,
/// waits and then loads its own sample whole; the three reads succeed meanwhile.
/// </summary>
[NonParallelizable]
[Description("Issue 11 (5): one writer at a time; reads and a waiting writer starting together never hit XX000")]
public class ConcurrentRunsTests
{

    [Test]
    public async Task A_second_writer_is_refused_a_waiting_one_follows_and_staging_never_mixes_samples()
    {
        var sample = Repo.RequireSampleData();
        using var other = new TempDir("other-sample");
        await Generator.WriteAsync(other.Path, new GeneratorOptions(Scale: 1, Seed: 42), CancellationToken.None);
        using var build = new BuildScript();
        Assert.That(build.Run("CreateTables").ExitCode, Is.EqualTo(0));
        // The first run holds the writer lock, paused in the middle of its staging_events COPY until the test releases it
        // (a fixed pause is too short or too long on two cores shared with other work: five runs at once took 64-104 s).
        var release = Path.Combine(build.StateDir, "..", "release-pause");
        using var first = BuildProcess.Start(build, new Dictionary<string, string>
            { [PausePoint.Variable] = "copy:staging_events:mid@600", [PausePoint.ReleaseVariable] = release },
            "StageCopy", "--exclusive", $"--sample={sample}");
        first.WaitForLine("pause point copy:staging_events:mid reached", TimeSpan.FromMinutes(3));
        var paused = Stopwatch.StartNew();

        // All at once, as a scheduler would start them: a waiting writer of a generated sample (another data set for the
        // same warehouse and bucket: a full run that switches the warehouse's source), a refused writer, and the three reads.
        using var waiting = BuildProcess.Start(build, NoPause, "StageCopy", "--exclusive", "--wait", $"--sample={other.Path}");
        using var refused = BuildProcess.Start(build, NoPause, "StageCopy", "--exclusive", "--verbose", $"--sample={other.Path}");
        using var query = BuildProcess.Start(build, NoPause, "Query", "--sql=select count(*) as staged from staging_songs");
        using var report = BuildProcess.Start(build, NoPause, "Report");
        using var status = BuildProcess.Start(build, NoPause, "Status");

        refused.WaitForLine("taking the writer lock", TimeSpan.FromMinutes(2));
        var asked = Stopwatch.StartNew();
        // The refusal is logged the moment it is decided; Cake prints the error itself only after the run's teardown.
        refused.WaitForLine("writer lock refused", TimeSpan.FromSeconds(30));
        var seen = asked.Elapsed;
        waiting.WaitForLine("Waiting for the writer", TimeSpan.FromMinutes(2));
        var reads = new[] { query, status }.Select(r => (Exit: r.WaitForExit(TimeSpan.FromMinutes(3)), r.Output)).ToList();
        var refusedExit = refused.WaitForExit(TimeSpan.FromMinutes(1));
        var stillPaused = !first.HasExited;
        File.WriteAllText(release, "");
        // Report counts every table's rows, staging_events too, so it waits for the holder's open truncate (a known limit).
        reads.Add((report.WaitForExit(TimeSpan.FromMinutes(3)), report.Output));
        var refusal = TimeSpan.FromMilliseconds(int.Parse(Regex.Match(refused.Output, @"writer lock refused after (\d+) ms").Groups[1].Value));
        TestContext.Out.WriteLine($"refused {refusal.TotalMilliseconds:0} ms after asking for the lock (seen {seen.TotalMilliseconds:0} ms later " +
                                  $"in its output); checks done {paused.Elapsed.TotalSeconds:0.0} s into the pause");

        Assert.That(stillPaused, Is.True, "the checks ran while the first run held the lock");
        Assert.That(refusedExit, Is.EqualTo(1), refused.Output);
        Assert.That(refusal, Is.LessThan(TimeSpan.FromSeconds(1)), "the second writer is refused within a second");
        var holder = Regex.Match(refused.Output, @"pid (\d+) on \S+ \(user [^)]+\), now in target (\w+), writing since (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC");
        Assert.That(holder.Success, Is.True, "names the holder's pid, target and start time: " + refused.Output);
        Assert.That(holder.Groups[1].Value, Is.EqualTo(first.Pid.ToString()));
        Assert.That(holder.Groups[2].Value, Is.EqualTo("StageCopy"));
        Assert.That(refused.Output, Does.Contain("Wait for it with --wait").And.Contain($"kill -TERM {first.Pid}"));
        Assert.That(refused.Output, Does.Not.Contain("Executing COPY"));
        foreach (var (exit, output) in reads)
        {
            Assert.That(exit, Is.EqualTo(0), "reads are not blocked: " + output);
            Assert.That(output, Does.Not.Contain("XX000").And.Not.Contain("tuple concurrently updated"));
        }
        Assert.That(first.WaitForExit(TimeSpan.FromMinutes(3)), Is.EqualTo(0), first.Output);
        Assert.That(waiting.WaitForExit(TimeSpan.FromMinutes(5)), Is.EqualTo(0), waiting.Output);

        // Scale 1 mimics the real sample's shape (71 song files each), so the samples are told apart by their song ids.
        var generatedIds = SongIds(other.Path);
        var realIds = SongIds(sample);
        Assert.That(generatedIds.Intersect(realIds).Any(), Is.False, "the two samples must be told apart");
        var staged = build.Run("Query", "--sql=select count(*) as n, string_agg(song_id, ',' order by song_id collate \"C\") as ids from staging_songs");
        Assert.That(staged.ExitCode, Is.EqualTo(0), staged.Output);
        Assert.That(staged.Output, Does.Contain(string.Join(",", generatedIds.Order(StringComparer.Ordinal))).And.Contain($"{generatedIds.Count} | "),
            "the waiting run's sample, whole and alone");
    }

    static readonly Dictionary<string, string> NoPause = [];

    static List<string> SongIds(string sample) =>
        Directory.GetFiles(Path.Combine(sample, "song_data"), "*.json", SearchOption.AllDirectories)
            .Select(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("song_id").GetString()!)
            .ToList();
}
