namespace Sparkify.Pipeline.State;

/// Files that hold a secret are created readable by their owner only (0600) from the first byte.
public static class OwnerOnlyFile
{
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }
}
