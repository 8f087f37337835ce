using System.Reflection;
using Sparkify.Pipeline.Runs;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Runs;

/// Issue 24, rule 5: a Ctrl+C that arrives as a step commits is reported as "finished before the cancel", never also
/// as rolled back, and the next step does not start; in process, through the hooks Cake calls around each target.
[NonParallelizable]
public class CancelAtCommitTests
{
    /// What the first SIGINT does to the run (its token cancelled, the signal recorded), without signalling the test's own
    /// process: through the run's private cancellation, as no public API cancels a run but a signal.
    static void CancelAsASignalWould(Run run, string signal)
    {
        var cancellation = typeof(Run).GetField("_cancellation", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(run)!;
        cancellation.GetType().GetProperty("Signal")!.SetValue(cancellation, signal);
        ((CancellationTokenSource)cancellation.GetType().GetField("_cts", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(cancellation)!).Cancel();
    }

    [Test]
    [Description("issue 24: a Ctrl+C that landed as a COPY committed listed the target Succeeded and printed a bare 'The operation was canceled.'")]
    public async Task A_cancel_that_lands_as_a_step_commits_is_reported_as_finished_before_the_cancel_and_the_next_step_does_not_start()
    {
        using var dir = new TempDir("cancel");
        var output = new StringWriter();
        using var run = InProcessRun.Create(dir, output);

        CancelAsASignalWould(run, "SIGINT");
        await RunHooks.RecordTargetAsync(run, "StageCopy", skipped: false, successful: true, TimeSpan.FromSeconds(1), null);
        var next = Assert.ThrowsAsync<PipelineException>(() => RunHooks.StartTargetAsync(run, "Transform"));

        Assert.That(output.ToString(), Does.Contain("StageCopy finished before the cancel (SIGINT): its work is committed"));
        Assert.That(output.ToString(), Does.Not.Contain("StageCopy was cancelled").And.Not.Contain("rolled back its"));
        Assert.That(run.Summary.Targets.Single(t => t.Name == "StageCopy").Status, Is.EqualTo("succeeded"));
        Assert.That(next!.Message, Does.StartWith("Transform did not start: the run was cancelled by SIGINT"));
        Assert.That(run.CancelledExitCode, Is.EqualTo(130));
    }
}
