namespace Sparkify.Pipeline.Aws;

/// What a waiter does with one observed state: keep polling, stop with success, or stop with an error.
public enum WaitOutcome { Retry, Success, Failure }

/// <summary>
/// A waiter as data, after botocore's Redshift waiters: the delay between polls, the timeout, and acceptors mapping an
/// observed state (a cluster status, or an error code such as ClusterNotFound) to an outcome; unlisted states retry.
/// </summary>
public sealed record WaitSpec(string What, TimeSpan Delay, TimeSpan Timeout, IReadOnlyDictionary<string, WaitOutcome> Acceptors)
{
    /// A poll every 15 s gives the progress line the issue asks for at least every 15 s.
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(15);

    public static WaitSpec ClusterAvailable(TimeSpan timeout) => new("available", DefaultDelay, timeout,
        new Dictionary<string, WaitOutcome>
        {
            ["available"] = WaitOutcome.Success,
            ["deleting"] = WaitOutcome.Failure,
            ["final-snapshot"] = WaitOutcome.Failure,
            ["hardware-failure"] = WaitOutcome.Failure,
            ["incompatible-hsm"] = WaitOutcome.Failure,
            ["incompatible-network"] = WaitOutcome.Failure,
            ["incompatible-parameters"] = WaitOutcome.Failure,
            ["incompatible-restore"] = WaitOutcome.Failure,
            ["storage-full"] = WaitOutcome.Failure,
        });

    /// For deletion, ClusterNotFound is the success (botocore's ClusterDeleted waiter).
    public static WaitSpec ClusterDeleted(TimeSpan timeout) => new("deleted", DefaultDelay, timeout,
        new Dictionary<string, WaitOutcome>
        {
            ["ClusterNotFound"] = WaitOutcome.Success,
            ["creating"] = WaitOutcome.Failure,
            ["modifying"] = WaitOutcome.Failure,
            ["rebooting"] = WaitOutcome.Failure,
            ["resizing"] = WaitOutcome.Failure,
        });

    public WaitOutcome Match(string state) => Acceptors.TryGetValue(state, out var outcome) ? outcome : WaitOutcome.Retry;
}
