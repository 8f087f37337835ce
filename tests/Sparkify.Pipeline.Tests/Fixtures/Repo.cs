namespace Sparkify.Pipeline.Tests.Fixtures;

/// Paths of the checkout under test and of the shared sample data beside it.
public static class Repo
{
    public static string Root { get; } = Find();

    public static string SampleData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "sparkify"));

    /// The real Sparkify sample; a test that needs it fails with a clear message when it is missing.
    public static string RequireSampleData()
    {
        if (!Directory.Exists(SampleData))
            Assert.Fail($"the Sparkify sample data is expected at {SampleData} (../shared/data/sparkify beside the checkout)");
        return SampleData;
    }

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "build.cake"))) return dir.FullName;
        throw new InvalidOperationException($"no build.cake above {AppContext.BaseDirectory}");
    }
}
