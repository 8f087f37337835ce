namespace Sparkify.Pipeline.Loading;

/// <summary>
/// Where one table's load spent its time, in seconds: listing the objects (and reading the target's columns and the
/// JSONPaths file), reading bytes (S3 GETs or files), parsing and encoding rows, writing them to the COPY (and its
/// commit), and the ANALYZE after it. Read and parse run on every parser thread at once, so they are summed over
/// the threads and can exceed the load's wall time; list, write and analyze are wall time.
/// </summary>
public sealed record LoadPhases(double List, double Read, double Parse, double Write, double Analyze)
{
    public static LoadPhases operator +(LoadPhases a, LoadPhases b) =>
        new(a.List + b.List, a.Read + b.Read, a.Parse + b.Parse, a.Write + b.Write, a.Analyze + b.Analyze);

    public LoadPhases Rounded() => new(Math.Round(List, 3), Math.Round(Read, 3), Math.Round(Parse, 3), Math.Round(Write, 3), Math.Round(Analyze, 3));
}
