namespace Sparkify.Bench;

/// One method's figures: rows loaded (counted in the tables afterwards), wall seconds, peak memory; Note says how.
public sealed record Measurement(string Key, string Method, long Rows, double Seconds, long PeakBytes, string Note = "")
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;

    public double PeakMegabytes => PeakBytes / (1024.0 * 1024.0);
}
