namespace Sparkify.Pipeline.Reporting;

/// The report's sections in reading order, keyed by the analytics query (sql/analytics/NN_NAME.sql) they show.
public static class ReportSections
{
    public static readonly IReadOnlyList<ReportSection> All =
    [
        new("overview", "Overview",
            "Totals over the whole warehouse. A play is matched when its title, artist and duration found a song in the catalogue.", null),
        new("top_songs", "Most played songs",
            "The ten songs with the most plays, by the title and artist each play names; matched is how many of them found the song in the catalogue.",
            new ChartSpec(["song", "artist"], ["plays"], "plays", Horizontal: true)),
        new("top_artists", "Most played artists",
            "The ten artists with the most plays, by the artist each play names, with how many titles and listeners those plays span.",
            new ChartSpec(["artist"], ["plays"], "plays", Horizontal: true)),
        new("top_matched_songs", "Most played catalogue songs",
            "The ten songs of the catalogue with the most matched plays (title, artist and duration all equal).",
            new ChartSpec(["song", "artist"], ["plays"], "plays", Horizontal: true)),
        new("top_matched_artists", "Most played catalogue artists",
            "The ten artists of the catalogue with the most matched plays, with how many of their songs and listeners those plays span.",
            new ChartSpec(["artist"], ["plays"], "plays", Horizontal: true)),
        new("plays_by_hour", "Plays by hour of day",
            "Plays per hour of the day, in UTC; an hour without plays shows as 0.",
            new ChartSpec(["hour"], ["plays"], "plays", Horizontal: false)),
        new("plays_by_weekday", "Plays by weekday",
            "Plays per day of the week (0 = Sunday, as in the time table); a day without plays shows as 0.",
            new ChartSpec(["day"], ["plays"], "plays", Horizontal: false)),
        new("levels", "Free and paid",
            "Each level's share of plays (the level at the time of the play) and of users (each user's latest level).",
            new ChartSpec(["level"], ["plays_pct", "users_pct"], "% of total", Horizontal: false)),
        new("upgrades", "Upgrades from free to paid",
            "Users whose plays went from the free level to the paid one; upgraded_at is their first paid play after a free one.", null),
        new("top_locations", "Top locations",
            "The ten locations with the most plays, as the event log spells them.",
            new ChartSpec(["location"], ["plays"], "plays", Horizontal: true)),
        new("platforms", "Platforms",
            "Operating-system and browser families parsed from the user agents of the plays.",
            new ChartSpec(["os", "browser"], ["plays"], "plays", Horizontal: true, Separator: " / ")),
        new("session_lengths", "Session lengths",
            "How many sessions held how many plays; a session is one user's session id.",
            new ChartSpec(["plays_per_session"], ["sessions"], "sessions", Horizontal: false)),
    ];

    /// The catalogue-matched rankings are shown when at least this share of plays (percent) matched a song: below it they
    /// describe how much of the catalogue the sample holds, not what people listen to (the real sample: 0.01%).
    public const double MeaningfulMatchPct = 10;

    /// Sections that rank matched plays only: withheld, with a note saying why, below <see cref="MeaningfulMatchPct"/>.
    public static readonly IReadOnlySet<string> MatchedOnly = new HashSet<string> { "top_matched_songs", "top_matched_artists" };

    /// The section for a query; a query the report does not know yet still appears, as a table under its file name.
    public static ReportSection For(AnalyticsQuery query) =>
        All.FirstOrDefault(s => s.Query == query.Name) ?? new ReportSection(query.Name, query.Name.Replace('_', ' '), "", null);
}
