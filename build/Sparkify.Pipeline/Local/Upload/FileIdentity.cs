using System.Runtime.InteropServices;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// What the file system says about a file without reading it: device and inode, size, and the modification and
/// change times in nanoseconds (Linux statx). Any write changes mtime and ctime; setting mtime back (touch -d) still
/// changes ctime, which no user call can set, and replacing the file (rename over it) changes the inode.
/// </summary>
/// <remarks>
/// statx(2) fills a struct statx whose layout is the same on every Linux architecture (linux/stat.h): ino at byte
/// 32, size at 40, ctime at 96, mtime at 112 (each {s64 sec; u32 nsec}), dev_major/minor at 136/140.
/// </remarks>
public readonly record struct FileIdentity(ulong Device, ulong Inode, long Size, long ModifiedNs, long ChangedNs)
{
    const int AtFdCwd = -100;
    const uint Wanted = 0x40 | 0x80 | 0x100 | 0x200; // STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    static bool _unavailable = !OperatingSystem.IsLinux();

    [ThreadStatic] static byte[]? _buffer;

    /// The file's identity, or null when it is gone or statx is not available here (then nothing may be taken on trust).
    public static FileIdentity? Of(string path)
    {
        if (_unavailable) return null;
        // One buffer per thread: a sample's 10,000 stats allocate nothing.
        var buffer = _buffer ??= new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, Wanted, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return null;
        }
        // The struct is in the machine's byte order.
        ulong U64(int at) => MemoryMarshal.Read<ulong>(buffer.AsSpan(at));
        uint U32(int at) => MemoryMarshal.Read<uint>(buffer.AsSpan(at));
        long Ns(int at) => (long)U64(at) * 1_000_000_000 + U32(at + 8);
        if ((U32(0) & Wanted) != Wanted) return null;
        return new FileIdentity(((ulong)U32(136) << 32) | U32(140), U64(32), (long)U64(40), Ns(112), Ns(96));
    }

    /// True when both times are before <paramref name="ns"/>: a write after that moment, even one in the same clock tick
    /// as this identity was taken, necessarily shows as a later ctime.
    public bool SettledBefore(long ns) => Math.Max(ModifiedNs, ChangedNs) < ns;

    /// The modification time as .NET reports it (100 ns ticks, UTC), as <see cref="FileInfo.LastWriteTimeUtc"/> has it.
    public DateTime LastWriteUtc => DateTime.UnixEpoch.AddTicks(ModifiedNs / 100);

    /// The wall clock in the identities' unit (nanoseconds since the Unix epoch).
    public static long NowNs() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
}
