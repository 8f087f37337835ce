namespace Sparkify.Pipeline.Tests.Fixtures;

/// A test class each of whose tests drives its own ./build.sh (its own ports and folders), torn down after the test.
public abstract class BuildScriptTest
{
    protected BuildScript Build { get; private set; } = null!;

    [SetUp]
    public void NewBuild() => Build = new BuildScript();

    [TearDown]
    public void EndBuild() => Build.Dispose();
}
