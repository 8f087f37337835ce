using Sparkify.Pipeline.Safety;
using Sparkify.Pipeline.Tests.Fixtures;

namespace Sparkify.Pipeline.Tests.Safety;

/// Issue 24, rule 4: a path with its symbolic links resolved, as realpath(3) gives it.
public class RealPathTests
{
    [Test]
    public void A_path_is_resolved_through_every_link_in_it_relative_or_absolute()
    {
        using var mine = new TempDir("mine");
        var real = Directory.CreateDirectory(mine.File("a/b/real")).FullName;
        File.CreateSymbolicLink(mine.File("hop"), "a/b");            // relative
        File.CreateSymbolicLink(mine.File("a/jump"), mine.File("hop")); // absolute, to another link

        Assert.That(RealPath.Of(mine.File("a/jump/real")), Is.EqualTo(real));
        Assert.That(RealPath.Of(mine.File("a/jump/real/not-yet")), Is.EqualTo(Path.Combine(real, "not-yet")));
    }
}
