namespace Sparkify.Pipeline.Modeling;

/// <summary>
/// Changed days as few ranges: overlapping and adjacent ones joined; past MaxRanges, the two ranges with the
/// shortest gap between them are joined (recomputing an unchanged day changes nothing, it only costs its events),
/// so a scattered set stays a few days and never becomes all time.
/// </summary>
public static class DayRanges
{
    /// Each range is one "exists" probe per event in sql/transform/; a few dozen keep that cheaper than a scan more.
    public const int MaxRanges = 32;

    public static IReadOnlyList<DateWindow> Merge(IEnumerable<DateWindow> days)
    {
        var merged = new List<DateWindow>();
        foreach (var d in days.OrderBy(d => d.From))
        {
            if (merged.Count > 0 && d.From <= merged[^1].To.AddDays(1))
                merged[^1] = merged[^1] with { To = d.To > merged[^1].To ? d.To : merged[^1].To };
            else
                merged.Add(d);
        }
        while (merged.Count > MaxRanges)
        {
            var i = Enumerable.Range(0, merged.Count - 1).MinBy(k => merged[k + 1].From.DayNumber - merged[k].To.DayNumber);
            merged[i] = merged[i] with { To = merged[i + 1].To };
            merged.RemoveAt(i + 1);
        }
        return merged;
    }
}
