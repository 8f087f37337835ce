using System.Globalization;

namespace Sparkify.Pipeline.Reporting;

/// <summary>
/// The catalogue match rate beside the rankings: the rankings by the plays' own names say how many plays matched a
/// song of the catalogue, and the rankings of matched plays only are withheld, with the reason, when few matched.
/// </summary>
public static class CatalogueMatch
{
    public static IReadOnlyList<SectionResult> Annotate(IReadOnlyList<SectionResult> sections)
    {
        var overview = sections.FirstOrDefault(s => s.Section.Query == "overview")?.Result;
        if (overview is not { Rows.Count: 1 } || overview.Number(0, "plays") == 0) return sections;
        var plays = overview.Number(0, "plays");
        var matched = overview.Number(0, "matched_plays");
        var pct = 100 * matched / plays;
        var rate = $"Catalogue match rate: {Readable(matched)} of {Readable(plays)} plays ({Percent(pct)}) matched a song of the catalogue.";
        return sections.Select(s => s.Section.Query switch
        {
            "top_songs" or "top_artists" => s with { Note = rate },
            _ when ReportSections.MatchedOnly.Contains(s.Section.Query) && pct < ReportSections.MeaningfulMatchPct => s with
            {
                Withheld = true, Chart = null,
                Note = $"{rate} That is below {ReportSections.MeaningfulMatchPct.ToString(CultureInfo.InvariantCulture)}%, so this ranking " +
                       "would describe the catalogue's coverage rather than listening; it is withheld (the rankings by the plays' own names above count every play).",
            },
            _ when ReportSections.MatchedOnly.Contains(s.Section.Query) => s with { Note = rate },
            _ => s,
        }).ToList();
    }

    /// Two decimals below 1% so that one match in thousands does not read as 0.0%.
    public static string Percent(double pct) =>
        (pct is > 0 and < 1 ? pct.ToString("0.00", CultureInfo.InvariantCulture) : pct.ToString("0.0", CultureInfo.InvariantCulture)) + "%";

    static string Readable(double n) => CellText.Readable((long)n);
}
