using Sparkify.Pipeline.CommandLine;

namespace Sparkify.Pipeline.Tests.CommandLine;

public class EditDistanceTests
{
    [TestCase("sample", "sample", 0)]
    [TestCase("sampel", "sample", 2)]
    [TestCase("final-snaphot", "final-snapshot", 1)]
    [TestCase("Recreate", "recreate", 0)]
    [TestCase("", "abc", 3)]
    public void Distance_counts_single_character_edits(string a, string b, int expected)
    {
        Assert.That(EditDistance.Between(a, b), Is.EqualTo(expected));
    }

    [Test]
    public void Closest_picks_the_nearest_and_refuses_far_names()
    {
        Assert.That(EditDistance.Closest("verbos", ["verbose", "recreate"]), Is.EqualTo("verbose"));
        Assert.That(EditDistance.Closest("xyz", ["verbose", "recreate"]), Is.Null);
    }
}
