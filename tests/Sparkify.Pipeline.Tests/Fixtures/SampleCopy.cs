using System.Collections;
using Sparkify.Pipeline.Config;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Targets;
using Sparkify.Pipeline.Warehouse;
using static Sparkify.Pipeline.Tests.Fixtures.LoadTestKit;

namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A copy of the real Sparkify sample in a folder of its own, for ./build.sh runs whose source changes between runs:
/// its last day's log can be held back and added again (the daily case, issue 27), and what a fresh build of the folder
/// leaves is computed in a new database with the pipeline's own loader, [LOAD] options and Transform.
/// </summary>
public sealed class SampleCopy : IDisposable
{
    /// The real sample's last day: a new day when it is added back.
    public const string LastDay = "log_data/2018/11/2018-11-30-events.json";

    readonly TempDir _dir = new("sample-copy");
    readonly string _heldBack;

    public SampleCopy()
    {
        Path = _dir.File("sample");
        CopyTree(Repo.RequireSampleData(), Path);
        _heldBack = _dir.File("held-back-day.json");
    }

    public string Path { get; }

    /// The --sample option of a run over this copy.
    public string Option => $"--sample={Path}";

    string LastDayFile => System.IO.Path.Combine(Path, LastDay);

    /// Takes the last day's log out of the sample (a run after it sees the day removed).
    public void HoldBackLastDay()
    {
        if (File.Exists(LastDayFile)) File.Move(LastDayFile, _heldBack);
    }

    /// Puts the last day's log back (a run after it sees one new day).
    public void AddLastDay()
    {
        if (File.Exists(_heldBack)) File.Move(_heldBack, LastDayFile);
    }

    /// Both staging tables loaded from the folder into a new warehouse, with dwh.cfg's [LOAD] options as Etl.
    public async Task<WarehouseEndpoint> FreshStagingAsync()
    {
        var fresh = await WithStagingTablesAsync();
        var options = CopyOptions.FromConfig(DwhConfig.FromFile(System.IO.Path.Combine(Repo.Root, "dwh.cfg"), new Hashtable(), []));
        foreach (var copy in StagingCopies.Under(Path, options))
            await ClientCopy.RunAsync(fresh, copy, Context(), CancellationToken.None);
        return fresh;
    }

    /// The star tables' checksums after a fresh full build of the folder as it is now.
    public async Task<Dictionary<string, string>> FreshStarAsync()
    {
        var fresh = await FreshStagingAsync();
        await Transform.RunAsync(fresh, Sql, null, "fresh", CancellationToken.None);
        return await WarehouseChecksums.OfAsync(fresh, WarehouseChecksums.Star);
    }

    static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _dir.Dispose();
}
