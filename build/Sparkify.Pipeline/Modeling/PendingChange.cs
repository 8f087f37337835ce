namespace Sparkify.Pipeline.Modeling;

/// One row of staging_changes: an object a StageCopy added, changed or removed, and the UTC days of its old and new
/// rows (null when unknown, and always for staging_songs).
public sealed record PendingChange(string RunId, string Table, string ObjectKey, string Change, DateOnly? DayFrom, DateOnly? DayTo);
