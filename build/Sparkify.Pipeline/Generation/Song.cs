namespace Sparkify.Pipeline.Generation;

/// One song of song_data, with its artist's attributes, as the song file holds it.
public sealed record Song(
    string TrackId, string ArtistId, double? Latitude, double? Longitude, string Location, string ArtistName,
    string SongId, string Title, double Duration, int Year);
