namespace Sparkify.Pipeline.Tests.Fixtures;

/// The smallest sample in the public layout, for the local upload and StageCopy: one day of events of user 7, one song
/// and the project's JSONPaths file.
static class TinySample
{
    public const string Day = "log_data/2018/11/2018-11-01-events.json";

    /// One NextSong event, one line without its newline.
    public static string Event(string user, string level, long ts) =>
        $$"""{"artist": "A", "auth": "Logged In", "firstName": "F", "gender": "F", "itemInSession": 0, "lastName": "L", "length": 1.5, "level": "{{level}}", "location": "X", "method": "PUT", "page": "NextSong", "registration": 1540000000000, "sessionId": 1, "song": "S", "status": 200, "ts": {{ts}}, "userAgent": "U", "userId": "{{user}}"}""";

    /// The day's two events: free, then at <paramref name="level"/> a millisecond later.
    public static string TwoEvents(string level = "free") =>
        Event("7", "free", 1541105830796) + "\n" + Event("7", level, 1541105830797) + "\n";

    /// A new sample folder holding <paramref name="day"/> as the day's events, the song and the JSONPaths file.
    public static SourceDir Create(string day)
    {
        var sample = new SourceDir();
        sample.Write(Day, day);
        sample.Write("song_data/A/A/A/TRAAAAW128F429D538.json", """{"num_songs": 1, "song_id": "S1", "title": "t", "duration": 1.5, "year": 0}""");
        File.Copy(Path.Combine(Repo.Root, "jsonpaths", "log_json_path.json"), sample.Path("log_json_path.json"));
        return sample;
    }
}
