namespace Sparkify.Pipeline.Safety;

/// <summary>
/// A folder the pipeline made, or an empty one it was given and filled. It carries a marker file; Teardown removes only
/// what a marked folder holds, so a folder the user named by mistake is never deleted. A folder that existed before
/// the pipeline used it (the user's) stays, emptied of what the pipeline put there. The marker goes last, so a
/// removal cut short leaves it, and the next Teardown finishes the job.
/// </summary>
public static class OwnedFolder
{
    public const string MarkerName = ".sparkify-dwh-owned";

    // The marker's line for a folder that existed (empty) before the pipeline used it.
    const string AdoptedLine = "The folder existed before: Teardown empties it and leaves it.";

    public static string Marker(string folder) => Path.Combine(folder, MarkerName);

    public static bool IsOurs(string folder) => File.Exists(Marker(folder));

    /// Whether the marker says the folder existed before the pipeline used it (a marker from before that line counts as made).
    public static bool Adopted(string folder) => IsOurs(folder) && File.ReadAllText(Marker(folder)).Contains(AdoptedLine, StringComparison.Ordinal);

    /// Creates the folder with its marker; an existing folder is used only when it is ours or empty.
    public static void Ensure(string folder, string purpose)
    {
        if (IsOurs(folder)) return;
        var existed = Directory.Exists(folder);
        if (existed && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new PipelineException($"{folder} exists, holds files and has no {MarkerName} marker, so the pipeline did not make it; " +
                                        $"it will not put {purpose} there (Teardown would have to delete it): choose another folder " +
                                        "([LOCAL] data_dir) or empty it");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Marker(folder),
            $"Made by sparkify-dwh for {purpose} on {DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}.\n" +
            "./build.sh Teardown removes what this folder holds, and only in folders carrying this file.\n" +
            (existed ? AdoptedLine + "\n" : ""));
    }

    /// Removes what the folder holds, then the marker, then the folder unless it existed before the pipeline used it.
    /// Links inside are removed as links, never followed. Returns why not, or null when done (or nothing was there).
    public static string? Remove(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        if (!IsOurs(folder)) return $"{folder} has no {MarkerName} marker, so the pipeline did not make it; left as it is";
        var adopted = Adopted(folder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().Where(e => e.Name != MarkerName))
        {
            if (entry.LinkTarget is not null) File.Delete(entry.FullName);
            else if (entry is DirectoryInfo directory) directory.Delete(recursive: true);
            else entry.Delete();
        }
        File.Delete(Marker(folder));
        if (!adopted) Directory.Delete(folder);
        return null;
    }
}
