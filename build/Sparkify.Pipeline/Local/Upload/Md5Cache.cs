using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// The sample files' MD5s from the last upload, each keyed by the file's full path and its <see cref="FileIdentity"/>
/// (device, inode, size, mtime and ctime to the nanosecond), so a warm upload hashes nothing. A file is remembered only
/// when both its times are older than <see cref="Settle"/> before this run began: a write after that always shows as a
/// newer ctime, even one in the same clock tick as the hash (git's "racy clean" problem). The file ends with the
/// SHA-256 of what precedes it; a file that is unreadable, of another version, or does not match it is ignored whole.
/// </summary>
public sealed class Md5Cache
{
    const string Header = "sparkify-md5-cache 1";

    /// Its name in the local profile's folder ([LOCAL] data_dir), which Teardown removes.
    public const string FileName = "sample-md5.tsv";
    readonly string _path;
    readonly long _settledBeforeNs;
    readonly Dictionary<string, (FileIdentity Identity, string Md5)> _kept = new(StringComparer.Ordinal);
    readonly Lazy<Dictionary<string, (FileIdentity Identity, string Md5)>> _read;
    bool _ignored;

    Md5Cache(string path, TimeSpan settle)
    {
        (_path, Settle) = (path, settle);
        _read = new(ReadFile); // thread-safe: the first lookup reads, the parallel others wait for it
        _settledBeforeNs = FileIdentity.NowNs() - (long)settle.TotalMilliseconds * 1_000_000;
    }

    /// How long a file must have been left alone before its MD5 is remembered (covers file systems with 2 s times).
    public TimeSpan Settle { get; }

    /// True when a cache file was there but could not be trusted (and so was not used).
    public bool Ignored
    {
        get
        {
            _ = _read.Value;
            return _ignored;
        }
    }

    public string FilePath => _path;

    /// The cache at <paramref name="path"/>, read when first looked up: empty when there is none or it cannot be trusted.
    public static Md5Cache At(string path, TimeSpan? settle = null) => new(path, settle ?? TimeSpan.FromSeconds(2));

    Dictionary<string, (FileIdentity Identity, string Md5)> ReadFile()
    {
        try
        {
            var entries = Parse(File.ReadAllText(_path, Encoding.UTF8));
            _ignored = entries is null;
            return entries ?? new(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _ignored = true;
            return new(StringComparer.Ordinal);
        }
    }

    /// The remembered MD5 of the file when its identity is exactly the one it had then; otherwise null (hash it).
    public string? Lookup(string path, FileIdentity identity) =>
        _read.Value.TryGetValue(path, out var entry) && entry.Identity == identity ? entry.Md5 : null;

    /// Keeps the file's MD5 for the next run, when its identity has settled; the rest are hashed again next time.
    public void Remember(string path, FileIdentity identity, string md5)
    {
        if (identity.SettledBefore(_settledBeforeNs)) _kept[path] = (identity, md5);
    }

    /// Writes what was remembered, owner-only and replaced in one rename; nothing when it equals what was read.
    public void Save()
    {
        var read = _read.Value;
        if (!_ignored && _kept.Count == read.Count && _kept.All(k => read.TryGetValue(k.Key, out var r) && r == k.Value)) return;
        var body = new StringBuilder(Header).Append('\n');
        foreach (var (path, (s, md5)) in _kept.OrderBy(k => k.Key, StringComparer.Ordinal))
            body.Append(CultureInfo.InvariantCulture, $"{md5}\t{s.Device}\t{s.Inode}\t{s.Size}\t{s.ModifiedNs}\t{s.ChangedNs}\t{path}\n");
        var checksum = Checksum(body.ToString());
        var text = body.Append("sha256 ").Append(checksum).Append('\n').ToString();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var temporary = $"{_path}.{Environment.ProcessId}.tmp";
        using (var file = OwnerOnlyFile.Create(temporary))
            file.Write(Encoding.UTF8.GetBytes(text));
        File.Move(temporary, _path, overwrite: true);
    }

    static Dictionary<string, (FileIdentity Identity, string Md5)>? Parse(string text)
    {
        var end = text.LastIndexOf("sha256 ", StringComparison.Ordinal);
        if (!text.StartsWith(Header + "\n", StringComparison.Ordinal) || end < 0 || !text.EndsWith('\n')
            || text[(end + 7)..^1] != Checksum(text[..end]))
            return null;
        var entries = new Dictionary<string, (FileIdentity Identity, string Md5)>(StringComparer.Ordinal);
        foreach (var line in text[(Header.Length + 1)..end].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('\t', 7);
            if (f.Length != 7 || f[0].Length != 32 || !f[0].All(Uri.IsHexDigit) || !ulong.TryParse(f[1], out var dev) || !ulong.TryParse(f[2], out var ino)
                || !long.TryParse(f[3], out var size) || !long.TryParse(f[4], out var mtime) || !long.TryParse(f[5], out var ctime) || f[6].Length == 0)
                return null;
            entries[f[6]] = (new FileIdentity(dev, ino, size, mtime, ctime), f[0].ToLowerInvariant());
        }
        return entries;
    }

    static string Checksum(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
