namespace Sparkify.Pipeline.Modeling;

/// One statement of a transform file; Table and Kind ("inserted", "updated", "deleted") are null for helper
/// statements (temp tables, analyze) whose row counts are not the warehouse's.
public sealed record SqlStatement(string File, string Text, string? Table, string? Kind);
