namespace Sparkify.Pipeline.Tests.Fixtures;

/// One hand-made staging_songs row.
public sealed record StagedSong(string SongId, string Title, string ArtistId, string? ArtistName, double Duration,
    int? Year = 2000, string? Location = "", double? Latitude = null, double? Longitude = null);
