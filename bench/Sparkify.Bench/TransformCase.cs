namespace Sparkify.Bench;

/// <summary>
/// One transform case's figures: wall seconds (the median when several runs), the songplays rows it leaves (or, for a
/// window, the window's), and the figure it is compared with (Versus, in seconds) under the ratio's name.
/// </summary>
public sealed record TransformCase(string Key, string Name, double Seconds, long Rows, string RatioName = "", double? Versus = null, string Note = "")
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;

    public double? Ratio => Versus is > 0 ? Seconds / Versus : null;
}
