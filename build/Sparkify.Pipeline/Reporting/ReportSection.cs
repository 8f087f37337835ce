namespace Sparkify.Pipeline.Reporting;

/// How one analytics query appears in the report: a title, a sentence on how to read it, and its chart if any.
public sealed record ReportSection(string Query, string Title, string Reading, ChartSpec? Chart)
{
    public string Anchor => Query.Replace('_', '-');
}

/// <summary>
/// A bar chart of a result: one bar per row, labelled by <see cref="LabelColumns"/> joined with
/// <see cref="Separator"/>, one series per value column (side by side when there are several).
/// </summary>
public sealed record ChartSpec(string[] LabelColumns, string[] ValueColumns, string ValueTitle, bool Horizontal, string Separator = " — ");
