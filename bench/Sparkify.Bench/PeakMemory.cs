namespace Sparkify.Bench;

/// <summary>
/// This process's peak resident memory (VmHWM), reset before each method by writing 5 to /proc/self/clear_refs
/// (Linux 4.0+, proc(5)), so each method's peak is its own. Where that is refused, a sampler records the peak instead.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly Task _sampler;
    readonly bool _reset;
    long _sampled;

    PeakMemory(bool reset)
    {
        _reset = reset;
        BaselineBytes = Status("VmRSS:");
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _sampled = Math.Max(_sampled, Status("VmRSS:"));
                try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public static PeakMemory Start()
    {
        // Aggressive: the garbage of earlier steps (the sample's generation, the other methods) is collected and its
        // memory given back, so the peak is this method's own and not what the GC kept from before.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        bool reset;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            reset = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reset = false;
        }
        return new PeakMemory(reset);
    }

    /// Resident memory at Start: the runtime, the loaded libraries and the pools, before the method runs.
    public long BaselineBytes { get; }

    /// The peak in bytes since Start.
    public long Bytes => Math.Max(_sampled, _reset ? Status("VmHWM:") : 0);

    public void Dispose()
    {
        _stop.Cancel();
        _sampler.Wait();
        _stop.Dispose();
    }

    static long Status(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line[key.Length..].Trim().Split(' ')[0]) * 1024;
        return 0;
    }
}
