using System.Security.Cryptography;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Local.Upload;

/// <summary>
/// One file of a sample in the public layout: its path and key, its identity taken before anything read it, and its
/// MD5 once known (from the <see cref="Md5Cache"/>, from hashing it, or from the ETag of the object it was put as).
/// </summary>
public sealed class SampleFile(string path, string key)
{
    static readonly string[] Parts = ["song_data", "log_data", "log_json_path.json"];

    public string Path { get; } = path;
    public string Key { get; } = key;
    public FileIdentity? Identity { get; private set; }
    public string? Md5 { get; private set; }
    FileInfo? _before;

    /// The prefixes of the layout: the only keys an upload puts or removes.
    public static bool InLayout(string key) => Parts.Any(p => key.StartsWith(p, StringComparison.Ordinal));

    /// Fails, saying what to pass, unless <paramref name="sample"/> has the public layout.
    public static void RequireLayout(string sample)
    {
        if (!File.Exists(System.IO.Path.Combine(sample, "log_json_path.json")) || !Directory.Exists(System.IO.Path.Combine(sample, "log_data")) ||
            !Directory.Exists(System.IO.Path.Combine(sample, "song_data")))
            throw new PipelineException($"{sample} is not a sample in the public layout (log_data/, song_data/, log_json_path.json); " +
                                        "pass --sample=DIR such as ../shared/data/sparkify");
    }

    /// Every file of the sample at <paramref name="sample"/> (a full path), identified and, where the cache knows it, with its MD5.
    /// Each file is identified on its own: a folder's mtime changes when an entry is added, removed or renamed, never when a
    /// file is written in place, so it cannot stand for its files.
    public static List<SampleFile> In(string sample, Md5Cache? cache)
    {
        RequireLayout(sample);
        // The cache file is read and checked (a SHA-256 over it) on another thread while the folders are listed, rather
        // than by the first lookup while every other stat waits for it.
        var cacheRead = cache is null ? null : Task.Run(() => cache.Ignored);
        var files = Parts.SelectMany(p => Directory.Exists(System.IO.Path.Combine(sample, p))
                ? Directory.EnumerateFiles(System.IO.Path.Combine(sample, p), "*", SearchOption.AllDirectories)
                : [System.IO.Path.Combine(sample, p)])
            .Select(path => new SampleFile(path, System.IO.Path.GetRelativePath(sample, path).Replace(System.IO.Path.DirectorySeparatorChar, '/')))
            .ToList();
        cacheRead?.Wait();
        Parallel.ForEach(files, file =>
        {
            file.Identity = FileIdentity.Of(file.Path);
            if (file.Identity is { } identity && cache?.Lookup(file.Path, identity) is { } md5) (file.Md5, file.FromCache) = (md5, true);
        });
        return files;
    }

    public bool FromCache { get; private set; }

    /// Hashes the files on all cores, each identified again first: an edit during the hash then shows as a change.
    public static Task HashAsync(IEnumerable<SampleFile> files, CancellationToken ct) =>
        Parallel.ForEachAsync(files, new ParallelOptions { CancellationToken = ct }, async (file, token) =>
        {
            file.Identity = FileIdentity.Of(file.Path);
            file._before = file.Identity is null ? new FileInfo(file.Path) : null;
            await using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            file.Md5 = Convert.ToHexStringLower(await MD5.HashDataAsync(stream, token));
        });

    /// Takes the ETag of the object this file was just put as its MD5, when it is a plain MD5 and the file kept the
    /// identity it had before the put (so the bytes sent were the bytes it has); otherwise its MD5 stays unknown.
    public void PutAs(string? etag)
    {
        if (Md5 is not null || etag is null) return;
        var md5 = LocalMirror.Normalise(etag);
        if (md5.Length == 32 && md5.All(Uri.IsHexDigit) && Identity is { } before && FileIdentity.Of(Path) == before) Md5 = md5;
    }

    /// The file for the loader to read in place of its object, when its MD5 is known.
    public MirroredFile? Mirrored() =>
        Md5 is null ? null : Identity is { } identity ? MirroredFile.Of(Path, identity, Md5) : _before is { } info ? MirroredFile.Of(info, Md5) : null;
}
