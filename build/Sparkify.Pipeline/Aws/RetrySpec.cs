using System.Net;

namespace Sparkify.Pipeline.Aws;

/// <summary>
/// Retries as data: how many attempts, and exponential backoff with full jitter between them (the AWS SDKs'
/// "standard" retry mode). Throttling codes, 5xx answers and broken connections are retried; nothing else is.
/// </summary>
public sealed record RetrySpec(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly RetrySpec Standard = new(4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20));

    /// For tests: the same decisions, no waiting.
    public static readonly RetrySpec Immediate = new(4, TimeSpan.Zero, TimeSpan.Zero);

    static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "PriorRequestNotComplete",
    };

    public static bool IsRetryable(HttpStatusCode status, string? errorCode) =>
        (int)status >= 500 || status == HttpStatusCode.TooManyRequests || (errorCode is not null && ThrottlingCodes.Contains(errorCode));

    /// The wait before attempt <paramref name="attempt"/> + 1: uniform in [0, min(max, base * 2^(attempt-1))].
    public TimeSpan DelayAfter(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
