using System.Text;

namespace Sparkify.Pipeline.Generation;

/// A song file's text: one JSON object in Python's json.dumps style (", " and ": "), no trailing newline.
public static class SongFile
{
    /// song_data/A/B/C/TRABC….json: the folders are the track id's third to fifth characters.
    public static string RelativePath(Song song) =>
        Path.Combine("song_data", song.TrackId[2..3], song.TrackId[3..4], song.TrackId[4..5], song.TrackId + ".json");

    public static void Write(StringBuilder sb, Song song)
    {
        sb.Append("{\"num_songs\": 1, \"artist_id\": ");
        JsonText.String(sb, song.ArtistId, escapeSlash: false);
        sb.Append(", \"artist_latitude\": ");
        JsonText.Number(sb, song.Latitude);
        sb.Append(", \"artist_longitude\": ");
        JsonText.Number(sb, song.Longitude);
        sb.Append(", \"artist_location\": ");
        JsonText.String(sb, song.Location, escapeSlash: false);
        sb.Append(", \"artist_name\": ");
        JsonText.String(sb, song.ArtistName, escapeSlash: false);
        sb.Append(", \"song_id\": ");
        JsonText.String(sb, song.SongId, escapeSlash: false);
        sb.Append(", \"title\": ");
        JsonText.String(sb, song.Title, escapeSlash: false);
        sb.Append(", \"duration\": ");
        JsonText.Number(sb, song.Duration);
        sb.Append(", \"year\": ").Append(song.Year).Append('}');
    }
}
