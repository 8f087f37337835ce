namespace Sparkify.Pipeline.Quality;

/// <summary>
/// One file of sql/quality/screens/: one pass over big tables that answers several checks at once. Its header line
/// "-- answers: a, b, c" names them; its query returns one row with a column per name, the number of rows that check
/// returns. Verify runs a check's own file only when its column is not 0, so a failure is reported by the check itself.
/// </summary>
public sealed record QualityScreen(string File, string Sql, IReadOnlyList<string> Answers)
{
    public const string Folder = "quality/screens";
    const string AnswersTag = "-- answers:";

    public static QualityScreen From(string relativePath, string text)
    {
        var line = text.Split('\n').TakeWhile(l => l.TrimStart().StartsWith("--")).Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith(AnswersTag, StringComparison.OrdinalIgnoreCase));
        var answers = line?[AnswersTag.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (answers.Length == 0)
            throw new PipelineException($"sql/{relativePath} has no header line \"{AnswersTag} check, check\"; name the checks it answers");
        return new QualityScreen(relativePath, text.Trim().TrimEnd(';'), answers);
    }

    /// Fails when a name is not a rule of sql/quality/ (an informational check shows its rows, so it cannot be screened)
    /// or is answered by two screens.
    public static void Validate(IReadOnlyList<QualityScreen> screens, IReadOnlyList<QualityCheck> checks)
    {
        foreach (var screen in screens)
        foreach (var name in screen.Answers.Where(n => !checks.Any(c => c.Name == n && !c.Informational)))
            throw new PipelineException($"sql/{screen.File} answers {name}, which is no rule of sql/quality/; " +
                                        "name the check files it counts the rows of");
        var twice = screens.SelectMany(s => s.Answers).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new PipelineException($"{twice.Key} is answered by more than one file of sql/{Folder}/; keep it in one");
    }
}
