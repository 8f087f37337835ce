namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// The COPY statement Redshift receives under the repository's dwh.cfg [LOAD] options, as the pinned text the Redshift
/// tests compare with: one home for the role, the staging tables' column lists and the option lines.
/// </summary>
public static class PinnedCopy
{
    /// The IAM role the tests' COPYs read S3 with (an ARN of AWS's documented example account).
    public const string Role = "arn:aws:iam::123456789012:role/sparkify-dwh-s3-read";

    public const string EventColumns = "artist, auth, first_name, gender, item_in_session, last_name, length, level, location, method, page, " +
                                       "registration, session_id, song, status, ts, user_agent, user_id";

    public const string SongColumns = "num_songs, artist_id, artist_latitude, artist_longitude, artist_location, artist_name, song_id, title, duration, year";

    /// copy INTO (COLUMNS) from FROM, read with Role as JSON (FORMAT: 'auto' or a JSONPaths file), with [LOAD]'s options.
    public static string Statement(string into, string columns, string from, string format) => $"""
        copy {into} ({columns})
        from '{from}'
        iam_role '{Role}'
        format as json '{format}'
        region 'us-west-2'
        dateformat as 'auto'
        timeformat as 'epochmillisecs'
        blanksasnull
        emptyasnull
        maxerror as 0
        compupdate off
        statupdate off
        """;
}
