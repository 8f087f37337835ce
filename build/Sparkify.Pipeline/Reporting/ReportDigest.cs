namespace Sparkify.Pipeline.Reporting;

/// The few figures the console shows after a report: totals, the busiest day and hour, the top song, the paid share.
public static class ReportDigest
{
    public static IReadOnlyList<string> Lines(ReportContent report)
    {
        var overview = report.Find("overview")?.Result;
        if (overview is null || overview.Rows.Count == 0 || overview.Number(0, "plays") == 0)
            return ["The warehouse holds no plays yet: run ./build.sh Etl to load it"];
        var lines = new List<string>
        {
            $"{Figure(overview, "plays")} plays by {Figure(overview, "listeners")} listeners in {Figure(overview, "sessions")} sessions, " +
            $"{Day(overview, "first_play")} to {Day(overview, "last_play")}; {Figure(overview, "matched_plays")} of them matched to a song " +
            $"({overview.Text(0, "matched_pct")}%)",
        };
        var busiest = new List<string>();
        if (Top(report, "plays_by_weekday", "plays") is { } day) busiest.Add($"weekday {day.Result.Text(day.Row, "day")} ({Plays(day.Result, day.Row)})");
        if (Top(report, "plays_by_hour", "plays") is { } hour) busiest.Add($"hour {hour.Result.Text(hour.Row, "hour")}:00 UTC ({Plays(hour.Result, hour.Row)})");
        if (busiest.Count > 0) lines.Add("Busiest " + string.Join("; busiest ", busiest));
        if (report.Find("top_songs")?.Result is { Rows.Count: > 0 } songs)
            lines.Add($"Top song: {songs.Text(0, "song")} by {songs.Text(0, "artist")} ({Plays(songs, 0)})");
        if (report.Find("levels")?.Result is { } levels && Row(levels, "level", "paid") is { } paid)
            lines.Add($"Paid: {levels.Text(paid, "plays_pct")}% of plays, {levels.Text(paid, "users_pct")}% of users; " +
                      $"upgrades from free to paid: {report.Find("upgrades")?.Result.Rows.Count ?? 0}");
        return lines;
    }

    static (QueryResult Result, int Row)? Top(ReportContent report, string query, string column)
    {
        if (report.Find(query)?.Result is not { Rows.Count: > 0 } result) return null;
        var best = Enumerable.Range(0, result.Rows.Count).MaxBy(r => result.Number(r, column));
        return (result, best);
    }

    static int? Row(QueryResult result, string column, string value) =>
        Enumerable.Range(0, result.Rows.Count).Select(r => (int?)r).FirstOrDefault(r => result.Text(r!.Value, column) == value);

    static string Figure(QueryResult result, string column, int row = 0) => CellText.Readable(result.Value(row, column));

    static string Plays(QueryResult result, int row) => Figure(result, "plays", row) + (result.Number(row, "plays") == 1 ? " play" : " plays");

    static string Day(QueryResult result, string column) => result.Value(0, column) is DateTime t ? t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "?";
}
