using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Aws;

/// The waiter against scripted statuses (moto makes clusters available at once, so this is where waiting is tested).
public class WaiterTests
{
    sealed class FakeTime
    {
        public DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public List<TimeSpan> Sleeps { get; } = [];
        public WaitClock Clock => new(() => Now, (d, _) => { Sleeps.Add(d); Now += d; return Task.CompletedTask; });
    }

    static Func<CancellationToken, Task<string>> Script(params string[] states)
    {
        var i = 0;
        return _ => Task.FromResult(states[Math.Min(i++, states.Length - 1)]);
    }

    [Test]
    public async Task Available_waiter_polls_through_creating_and_logs_progress_at_least_every_15_seconds()
    {
        var time = new FakeTime();
        var output = new StringWriter();

        var state = await Waiter.UntilAsync(WaitSpec.ClusterAvailable(TimeSpan.FromMinutes(30)), "cluster c",
            Script("creating", "creating", "modifying", "available"), new PipelineLog(output), time.Clock, "retry", CancellationToken.None);

        Assert.That(state, Is.EqualTo("available"));
        Assert.That(time.Sleeps, Has.Count.EqualTo(3).And.All.LessThanOrEqualTo(TimeSpan.FromSeconds(15)));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[1], Does.Contain("waiting for cluster c to be available: 'creating' after 15s (poll 2"));
        Assert.That(lines[3], Does.Contain("cluster c is available (available) after 45s"));
    }

    [Test]
    public void Available_waiter_fails_at_once_when_the_cluster_is_being_deleted()
    {
        var time = new FakeTime();

        var e = Assert.ThrowsAsync<PipelineException>(() => Waiter.UntilAsync(WaitSpec.ClusterAvailable(TimeSpan.FromMinutes(30)), "cluster c",
            Script("creating", "deleting"), new PipelineLog(TextWriter.Null), time.Clock, "retry", CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("cluster c reached 'deleting' while waiting to be available"));
        Assert.That(time.Sleeps, Has.Count.EqualTo(1));
    }

    [Test]
    public void Waiter_gives_up_at_its_timeout_saying_what_to_do()
    {
        var time = new FakeTime();

        var e = Assert.ThrowsAsync<PipelineException>(() => Waiter.UntilAsync(WaitSpec.ClusterAvailable(TimeSpan.FromMinutes(1)), "cluster c",
            Script("creating"), new PipelineLog(TextWriter.Null), time.Clock, "raise [CLUSTER] available_timeout_minutes", CancellationToken.None));

        Assert.That(e!.Message, Does.Contain("cluster c is still 'creating' after 1m00s, not available within 1m00s; raise [CLUSTER] available_timeout_minutes"));
        Assert.That(time.Sleeps.Sum(s => s.TotalSeconds), Is.LessThanOrEqualTo(60));
    }

    [Test]
    public async Task Deleted_waiter_treats_cluster_not_found_as_success()
    {
        var time = new FakeTime();

        var state = await Waiter.UntilAsync(WaitSpec.ClusterDeleted(TimeSpan.FromMinutes(30)), "cluster c",
            Script("deleting", "deleting", "ClusterNotFound"), new PipelineLog(TextWriter.Null), time.Clock, "retry", CancellationToken.None);

        Assert.That(state, Is.EqualTo("ClusterNotFound"));
        Assert.That(time.Sleeps, Has.Count.EqualTo(2));
    }

    [Test]
    public void Acceptors_are_data_unlisted_states_retry()
    {
        var available = WaitSpec.ClusterAvailable(TimeSpan.FromMinutes(1));
        var deleted = WaitSpec.ClusterDeleted(TimeSpan.FromMinutes(1));

        Assert.That(available.Match("ClusterNotFound"), Is.EqualTo(WaitOutcome.Retry));
        Assert.That(available.Match("incompatible-network"), Is.EqualTo(WaitOutcome.Failure));
        Assert.That(deleted.Match("creating"), Is.EqualTo(WaitOutcome.Failure));
        Assert.That(deleted.Match("deleting"), Is.EqualTo(WaitOutcome.Retry));
        Assert.That(available.Delay, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(15)));
    }
}
