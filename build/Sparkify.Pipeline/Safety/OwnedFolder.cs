namespace Sparkify.Pipeline.Safety;

/// <summary>
/// A folder the pipeline made. It carries a marker file written when it was created; Teardown removes a folder only
/// when the marker is there, so a folder the user named by mistake (or made themselves) is never deleted.
/// </summary>
public static class OwnedFolder
{
    public const string MarkerName = ".sparkify-dwh-owned";

    public static string Marker(string folder) => Path.Combine(folder, MarkerName);

    public static bool IsOurs(string folder) => File.Exists(Marker(folder));

    /// Creates the folder with its marker; an existing folder is used only when it is ours or empty.
    public static void Ensure(string folder, string purpose)
    {
        if (IsOurs(folder)) return;
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new PipelineException($"{folder} exists, holds files and has no {MarkerName} marker, so the pipeline did not make it; " +
                                        $"it will not put {purpose} there (Teardown would have to delete it): choose another folder " +
                                        "([LOCAL] data_dir) or empty it");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Marker(folder),
            $"Made by sparkify-dwh for {purpose} on {DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}.\n" +
            "./build.sh Teardown removes this folder, and only folders carrying this file.\n");
    }

    /// Removes the folder when it is ours. Returns why not, or null when it is gone (or was never there).
    public static string? Remove(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        if (!IsOurs(folder)) return $"{folder} has no {MarkerName} marker, so the pipeline did not make it; left as it is";
        Directory.Delete(folder, recursive: true);
        return null;
    }
}
