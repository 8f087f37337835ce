namespace Sparkify.Pipeline.Tests.Fixtures;

/// <summary>
/// A warehouse built by ./build.sh Etl from a copy of the real sample without its last day (<see cref="SampleCopy"/>),
/// so that a test's next run after Sample.AddLastDay() is the daily case of issue 27: one new day.
/// </summary>
public abstract class EtlWithoutTheLastDay : EtlOnTheSample
{
    SampleCopy? _sample;

    protected SampleCopy Sample => _sample ??= WithoutTheLastDay();

    protected override string SampleFolder => Sample.Path;

    [OneTimeTearDown]
    public void RemoveTheCopy() => _sample?.Dispose();

    static SampleCopy WithoutTheLastDay()
    {
        var sample = new SampleCopy();
        sample.HoldBackLastDay();
        return sample;
    }
}
