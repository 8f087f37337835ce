using Sparkify.Pipeline.Local.Upload;
using Sparkify.Pipeline.Loading;
using Sparkify.Pipeline.Loading.Sources;
using Sparkify.Pipeline.Targets;

namespace Sparkify.Pipeline.Tests.Targets;

/// The run summary's stage_phases: the upload, then each phase summed over both tables' loads.
public class StageTimingsTests
{
    [Test]
    public void Stage_phases_sum_both_loads_and_keep_the_upload_and_the_mirror_counts()
    {
        var events = new LoadResult("staging_events", 10, 2, 100, 0, 3.0) { Phases = new LoadPhases(0.25, 1.0, 2.0, 0.5, 0.125) };
        var songs = new LoadResult("staging_songs", 5, 5, 50, 0, 1.0) { Phases = new LoadPhases(0.5, 0.25, 0.25, 0.125, 0.25) };

        var phases = StageTimings.Of(4.5, [events, songs], new LocalMirror("b"));

        Assert.That(new[] { "upload", "list", "read", "parse", "write", "analyze", "loads" }.Select(k => phases[k]!.GetValue<double>()),
            Is.EqualTo(new[] { 4.5, 0.75, 1.25, 2.25, 0.625, 0.375, 4.0 }));
        Assert.That(phases["objects_read_locally"]!.GetValue<long>(), Is.EqualTo(0));
        Assert.That(StageTimings.Line(phases), Does.StartWith("StageCopy phases (s): upload 4.5, list 0.75").And.Not.Contain("note"));
    }
}
