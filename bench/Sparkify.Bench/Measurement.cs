namespace Sparkify.Bench;

/// One method's figures: rows loaded (counted in the tables afterwards), wall seconds, the process's peak memory
/// and its resident memory when the method started; Note says how (for example an extrapolation).
public sealed record Measurement(string Key, string Method, long Rows, double Seconds, long PeakBytes, long BaselineBytes, string Note = "")
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;

    public double PeakMegabytes => PeakBytes / (1024.0 * 1024.0);

    public double BaselineMegabytes => BaselineBytes / (1024.0 * 1024.0);
}
