namespace Sparkify.Pipeline.Reporting;

/// Everything the report shows, gathered once and rendered twice (HTML and Markdown).
public sealed record ReportContent(string Warehouse, string Profile, DateTimeOffset GeneratedAt, IReadOnlyList<SectionResult> Sections)
{
    /// The data docs after the analytics: checks, loads, runs, lineage, schema (null in a report built without them).
    public DataDocs? Docs { get; init; }

    public SectionResult? Find(string query) => Sections.FirstOrDefault(s => s.Section.Query == query);
}

/// <summary>
/// One section's query, its result and its chart (an SVG document; null for a table-only section or an empty result).
/// <see cref="Note"/> is a sentence shown above the result; a <see cref="Withheld"/> section shows the note instead.
/// </summary>
public sealed record SectionResult(ReportSection Section, AnalyticsQuery Query, string SqlPath, QueryResult Result, string? Chart,
    string? Note = null, bool Withheld = false);
