namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A test class whose tests read what one ./build.sh Etl on a sample left, in a BuildScript of its own: the run happens
/// once before its tests (and must succeed), its local services are torn down after them. A subclass's own
/// [OneTimeSetUp] runs after the Etl, its [OneTimeTearDown] before the teardown (NUnit's order for a base class);
/// it is [NonParallelizable] as this class is (the attribute is inherited).
/// </summary>
[NonParallelizable]
public abstract class EtlOnTheSample
{
    protected BuildScript Build { get; private set; } = null!;

    /// The first run's output.
    protected BuildResult Etl { get; private set; } = null!;

    /// The --sample folder: the real Sparkify sample unless a subclass gives its own.
    protected virtual string SampleFolder => Repo.RequireSampleData();

    /// The run's environment beyond the BuildScript's own (a null value removes a variable).
    protected virtual IReadOnlyDictionary<string, string?> EtlEnvironment => new Dictionary<string, string?>();

    [OneTimeSetUp]
    public void RunEtlOnTheSample()
    {
        Build = new BuildScript();
        Etl = Build.Run(true, EtlEnvironment, "Etl", $"--sample={SampleFolder}");
        Assert.That(Etl.ExitCode, Is.EqualTo(0), Etl.Output);
    }

    [OneTimeTearDown]
    public void TearDownTheRun() => Build?.Dispose();
}
