namespace Sparkify.Pipeline.Generation;

/// What the generator wrote: songs and artists in song_data, events and days in log_data, all files and bytes.
public sealed record GeneratedSample(string Directory, int Songs, int Artists, long Events, int Days, int Files, long Bytes);
