namespace Sparkify.Bench;

/// <summary>
/// One method's figures: rows loaded (counted in the tables afterwards), wall seconds, the process's peak memory and
/// its resident memory when the method started, the bytes it read (JSON for the loaders, CSV for the ceiling), the
/// CPU-seconds of the client (this process) and of the server (null when unknown), and the machine's 1-minute load
/// average when it started; Note says how (for example an extrapolation). Runs holds every run's wall seconds when the
/// method ran more than once; the figures are then those of the median run.
/// </summary>
public sealed record Measurement(string Key, string Method, long Rows, double Seconds, long PeakBytes, long BaselineBytes, string Note = "")
{
    public long InputBytes { get; init; }
    public double ClientCpu { get; init; }
    public double? ServerCpu { get; init; }
    public double LoadAverage { get; init; }
    public IReadOnlyList<double> Runs { get; init; } = [];

    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;

    /// Input MB over the CPU-seconds client and server spent together: what one core turns over per second.
    public double MegabytesPerCoreSecond => ClientCpu + (ServerCpu ?? 0) is var cpu and > 0 ? InputBytes / 1e6 / cpu : 0;

    public double PeakMegabytes => PeakBytes / (1024.0 * 1024.0);

    public double BaselineMegabytes => BaselineBytes / (1024.0 * 1024.0);
}
