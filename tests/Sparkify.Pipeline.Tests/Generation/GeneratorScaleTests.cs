using Sparkify.Pipeline.Generation;

namespace Sparkify.Pipeline.Tests.Generation;

public class GeneratorScaleTests
{
    [Test]
    public async Task Events_songs_and_users_grow_roughly_linearly_with_scale()
    {
        using var one = new TempDir("gen");
        using var four = new TempDir("gen");

        var small = await Generator.WriteAsync(one.Path, new GeneratorOptions(1), CancellationToken.None);
        var large = await Generator.WriteAsync(four.Path, new GeneratorOptions(4), CancellationToken.None);

        Assert.That(large.Songs, Is.EqualTo(4 * small.Songs));
        Assert.That(large.Artists, Is.EqualTo(4 * small.Artists));
        Assert.That(large.Events / (double)small.Events, Is.InRange(3.0, 5.3));
        Assert.That(large.Events / 4.0, Is.InRange(6_500, 10_000), "about 8,000 events per scale unit");
    }

    [Test]
    public void Log_file_names_carry_the_day_first_at_every_scale()
    {
        Assert.That(Generator.LogFileName(5, 0, 1), Is.EqualTo("2018-11-05-events.json"));
        Assert.That(Generator.LogFileName(5, 7, 100), Is.EqualTo("2018-11-05-events-007.json"));
        Assert.That(Generator.LogFileName(30, 1234, 2000), Is.EqualTo("2018-11-30-events-1234.json"));
    }
}
