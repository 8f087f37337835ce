namespace Sparkify.Pipeline.Tests.Fixtures;

/// One hand-made staging_events row; the defaults are a logged-in free user's NextSong event.
public sealed record StagedEvent(string? UserId, long Ts, string Page = "NextSong", string? Level = "free",
    int? SessionId = 1, int? ItemInSession = 0, string? Song = "Song A", string? Artist = "Artist A", double? Length = 200.0,
    string? FirstName = "Ann", string? LastName = "Lee", string? Gender = "F", string? Location = "Here",
    string? UserAgent = "agent", string Auth = "Logged In");
