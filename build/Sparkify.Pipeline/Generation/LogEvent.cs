namespace Sparkify.Pipeline.Generation;

/// One line of a log_data file. Nulls stay nulls: the writer prints them as JSON null, as the real logs do.
public sealed record LogEvent(
    string? Artist, string Auth, string? FirstName, string? Gender, int ItemInSession, string? LastName, double? Length,
    string Level, string? Location, string Method, string Page, long? Registration, int SessionId, string? Song,
    int Status, long Ts, string? UserAgent, string UserId);
