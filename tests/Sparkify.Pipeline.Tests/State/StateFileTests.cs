using Sparkify.Pipeline.State;

namespace Sparkify.Pipeline.Tests.State;

public class StateFileTests
{
    [Test]
    public void Save_writes_owner_only_file_and_load_reads_it_back()
    {
        using var dir = new TempDir("state");
        var file = StateFile.For(dir.Path, "local");

        file.Save(new DwhState { ClusterId = "sparkify-dwh", Port = 5439, LocalPgPassword = "Secret-Pa55word" });
        var loaded = file.Load();

        Assert.That(loaded.ClusterId, Is.EqualTo("sparkify-dwh"));
        Assert.That(loaded.Port, Is.EqualTo(5439));
        Assert.That(File.GetUnixFileMode(file.Path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void Missing_file_loads_as_empty_state()
    {
        using var dir = new TempDir("state");

        Assert.That(StateFile.For(dir.Path, "aws").Load().Endpoint, Is.Null);
    }

    [Test]
    public void Corrupt_file_is_a_clear_error()
    {
        using var dir = new TempDir("state");
        var file = StateFile.For(dir.Path, "aws");
        File.WriteAllText(file.Path, "{ not json");

        Assert.That(() => file.Load(), Throws.TypeOf<PipelineException>().With.Message.Contains("is not valid JSON"));
    }
}
