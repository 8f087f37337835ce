namespace Sparkify.Bench;

/// The transform cases' figures, printed as a table with each case's ratio beside the figure it is compared with.
public sealed record TransformReport(int Scale, long Events, IReadOnlyList<TransformCase> Cases)
{
    /// The goals the figures are read against: the project within 30% of the plain peer (issue 13), and a history
    /// within twice a clean Transform (issue 11).
    const double PeerGoal = 1.3, HistoryGoal = 2;

    public TransformCase? Get(string key) => Cases.FirstOrDefault(c => c.Key == key);

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Transform at scale {Scale}: {Events:N0} staged events ({Environment.ProcessorCount} cores); every case's star tables " +
                         "equal a fresh build of the same staged data (row counts and md5 of the ordered rows)");
        output.WriteLine("| case | what | songplays | wall s | rows/s | compared with (s) | ratio | note |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---|");
        foreach (var c in Cases)
            output.WriteLine($"| {c.Key} | {c.Name} | {c.Rows:N0} | {c.Seconds:F2} | {c.RowsPerSecond:N0} | " +
                             $"{(c.Versus is { } v ? v.ToString("F2") : "")} | {(c.Ratio is { } r ? $"{c.RatioName} = {r:F2}" : "")} | {c.Note} |");
        output.WriteLine("rows/s: songplays rows (for the window case, the window's) over the wall seconds; compared with: the peer for clean, " +
                         "else the clean project Transform of the same staged data.");
        if (Get("clean")?.Ratio is { } peer)
            output.WriteLine($"project/peer = {peer:F2} (the project's Transform over a plain peer that does the same work with no " +
                             $"reruns, windows or history; goal: at most {PeerGoal:F1})");
        var history = Cases.Where(c => c.Key.StartsWith('h') && c.Ratio is not null).ToList();
        if (history.Count > 0)
            output.WriteLine($"history/clean: {string.Join(" · ", history.Select(h => $"{h.Key} {h.Ratio:F2}"))} (a Transform after " +
                             $"each history over a clean one of the same data; goal: each at most {HistoryGoal:F0})");
        if (Get("window")?.Ratio is { } window) output.WriteLine($"window/full = {window:F3} (a one-day window's time over a full run's)");
    }
}
