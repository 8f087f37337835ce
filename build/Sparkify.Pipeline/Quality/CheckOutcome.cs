namespace Sparkify.Pipeline.Quality;

/// What one check found: the number of rows it returned and the first few, rendered "column=value, …".
public sealed record CheckOutcome(QualityCheck Check, long Rows, IReadOnlyList<string> FirstRows)
{
    public string Status => Check.Informational ? "info" : Rows == 0 ? "passed" : "FAILED";

    public bool Failed => !Check.Informational && Rows > 0;
}
