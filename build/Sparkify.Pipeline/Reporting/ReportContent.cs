namespace Sparkify.Pipeline.Reporting;

/// Everything the report shows, gathered once and rendered twice (HTML and Markdown).
public sealed record ReportContent(string Warehouse, string Profile, DateTimeOffset GeneratedAt, IReadOnlyList<SectionResult> Sections)
{
    public SectionResult? Find(string query) => Sections.FirstOrDefault(s => s.Section.Query == query);
}

/// One section's query, its result and its chart (PNG bytes; null for a table-only section or an empty result).
public sealed record SectionResult(ReportSection Section, AnalyticsQuery Query, string SqlPath, QueryResult Result, byte[]? Chart);
