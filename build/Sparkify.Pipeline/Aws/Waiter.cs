namespace Sparkify.Pipeline.Aws;

/// Runs a <see cref="WaitSpec"/>: polls, logs one progress line per poll, and stops on an acceptor or the timeout.
public static class Waiter
{
    public static async Task<string> UntilAsync(WaitSpec spec, string subject, Func<CancellationToken, Task<string>> poll,
        PipelineLog log, WaitClock clock, string onTimeout, CancellationToken ct)
    {
        var start = clock.Now();
        for (var attempt = 1; ; attempt++)
        {
            var state = await poll(ct);
            var elapsed = clock.Now() - start;
            switch (spec.Match(state))
            {
                case WaitOutcome.Success:
                    log.Information($"{subject} is {spec.What} ({state}) after {Format(elapsed)}");
                    return state;
                case WaitOutcome.Failure:
                    throw new PipelineException($"{subject} reached '{state}' while waiting to be {spec.What}; see the AWS console for why");
            }
            if (elapsed + spec.Delay > spec.Timeout)
                throw new PipelineException($"{subject} is still '{state}' after {Format(elapsed)}, not {spec.What} within " +
                                            $"{Format(spec.Timeout)}; {onTimeout}");
            log.Information($"waiting for {subject} to be {spec.What}: '{state}' after {Format(elapsed)} (poll {attempt}, " +
                            $"timeout {Format(spec.Timeout)})");
            await clock.Delay(spec.Delay, ct);
        }
    }

    static string Format(TimeSpan t) => t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.TotalSeconds:0}s";
}
