using Sparkify.Pipeline.Modeling;

namespace Sparkify.Pipeline.Tests.Modeling;

public class DayRangesTests
{
    static DateWindow Days(int from, int to) => new(new DateOnly(2018, 11, from), new DateOnly(2018, 11, to));

    [Test]
    public void Overlapping_and_adjacent_days_join_and_distant_ones_stay_apart()
    {
        var merged = DayRanges.Merge([Days(9, 9), Days(4, 5), Days(5, 6), Days(7, 7), Days(20, 21), Days(9, 9)]);

        Assert.That(merged, Is.EqualTo(new[] { Days(4, 7), Days(9, 9), Days(20, 21) }));
    }

    [Test]
    public void Past_the_limit_the_shortest_gaps_are_closed_first_and_never_the_whole_span()
    {
        var start = new DateOnly(2018, 1, 1);
        // Every other day for 2 * (MaxRanges + 1) days, then one day a year later.
        var scattered = Enumerable.Range(0, DayRanges.MaxRanges + 1).Select(i => start.AddDays(2 * i))
            .Append(start.AddDays(400)).Select(d => new DateWindow(d, d)).ToList();

        var merged = DayRanges.Merge(scattered);

        Assert.That(merged, Has.Count.EqualTo(DayRanges.MaxRanges));
        Assert.That(merged[^1], Is.EqualTo(new DateWindow(start.AddDays(400), start.AddDays(400))), "the distant day stays alone");
        Assert.That(merged.Sum(r => r.To.DayNumber - r.From.DayNumber + 1), Is.EqualTo(scattered.Count + 2), "two one-day gaps closed");
    }
}
