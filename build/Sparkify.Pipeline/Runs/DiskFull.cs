using Npgsql;

namespace Sparkify.Pipeline.Runs;

/// <summary>
/// A full disk, named as such: PostgreSQL's SQLSTATE 53100 (disk_full), Redshift's "Disk Full", or an I/O error with
/// ENOSPC (errno 28; Windows' ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL) anywhere in the exception's chain. The message
/// says where, how much is free on each folder the run writes, and that the step's open transaction rolled back, with
/// no stack trace: the failure is the machine's, not the pipeline's (issue 24).
/// </summary>
public static class DiskFull
{
    const int Enospc = 28;
    static readonly int[] WindowsDiskFull = [unchecked((int)0x80070070), unchecked((int)0x80070027)];

    /// The message for a full disk inside <paramref name="error"/>, or null when it is something else.
    /// <paramref name="places"/>: the folders the run writes, each with what it is ("the local PostgreSQL cluster").
    public static string? Describe(string target, Exception error, IEnumerable<(string What, string Folder)> places)
    {
        if (Find(error) is not { } cause) return null;
        var free = places.Where(p => p.Folder.Length > 0)
            .Select(p => $"{Bytes(FreeBytes(p.Folder))} free in {p.Folder} ({p.What})").Distinct();
        return $"{target} stopped: a disk is full ({LogText.Value(cause)}). {string.Join("; ", free)}. " +
               $"Its open transaction rolled back, so what {target} was writing is not committed and the warehouse holds what it held " +
               "before. Free some space there, then run it again";
    }

    /// The disk-full error's own text, or null.
    static string? Find(Exception error)
    {
        var pending = new Stack<Exception>([error]);
        while (pending.TryPop(out var e))
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState == PostgresErrorCodes.DiskFull:
                    return $"SQLSTATE 53100: {pg.MessageText}";
                case PostgresException pg when pg.MessageText.Contains("Disk Full", StringComparison.OrdinalIgnoreCase):
                    return $"{pg.SqlState}: {pg.MessageText}";
                case IOException io when io.HResult == Enospc || WindowsDiskFull.Contains(io.HResult) ||
                                         io.Message.Contains("No space left on device", StringComparison.Ordinal):
                    return $"ENOSPC: {io.Message}";
            }
            if (e is AggregateException all) foreach (var inner in all.InnerExceptions) pending.Push(inner);
            else if (e.InnerException is { } inner) pending.Push(inner);
        }
        return null;
    }

    static long? FreeBytes(string folder)
    {
        // The nearest folder that exists: statvfs answers for the file system holding it.
        var existing = folder;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent) existing = parent;
        try
        {
            return new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    static string Bytes(long? bytes) => bytes switch
    {
        null => "unknown space",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.#} GB",
    };
}
