namespace Sparkify.Pipeline.Quality;

/// <summary>
/// What one check found: the number of rows it returned, its columns (each check selects the keys of its offending
/// rows first) and the first <see cref="CheckRunner.SampleRows"/> rows as text (null for NULL). <see cref="Csv"/> is the
/// file holding every offending row, when a failing check's rows were written to one.
/// </summary>
public sealed record CheckOutcome(QualityCheck Check, long Rows, IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Sample,
    string? Csv = null)
{
    /// Rows shown in the console and the run summary's "rows" as "column=value, …", each value escaped for the console.
    public const int ShownRows = 5;

    public static CheckOutcome Passed(QualityCheck check) => new(check, 0, [], []);

    public string Status => Check.Informational ? "info" : Rows == 0 ? "passed" : "FAILED";

    public bool Failed => !Check.Informational && Rows > 0;

    public IReadOnlyList<string> FirstRows => Sample.Take(ShownRows)
        .Select(row => string.Join(", ", Columns.Select((c, i) => $"{c}={(row[i] is { } v ? LogText.Value(v) : "NULL")}"))).ToList();
}
