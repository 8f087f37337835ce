using Sparkify.Pipeline.Loading.Ledger;
using Sparkify.Pipeline.Loading.Sources;

namespace Sparkify.Pipeline.Tests.Loading.Ledger;

/// <summary>
/// The plan skips its sort and its set of listed keys when the listing is in ascending key order (issue 29, memory):
/// these cases check that a listing in any other order (a manifest's) still gets ids in key order and its removed keys.
/// </summary>
public class LoadPlanTests
{
    static readonly LocalObjectStore Store = new();

    static SourceObject Listed(string key) => new(Store, key, 10);

    static LedgerEntry Entry(string key, long id) => new(key, id, "", 10, LedgerEntry.Loaded, null, null);

    static Dictionary<string, LedgerEntry> Ledger(params LedgerEntry[] entries) => entries.ToDictionary(e => e.Key, StringComparer.Ordinal);

    [Test]
    public void A_listing_out_of_key_order_gets_its_new_ids_in_key_order()
    {
        var plan = LoadPlan.Make([Listed("/d/c"), Listed("/d/a"), Listed("/d/b")], Ledger(), 7, null, trusted: false, force: true);

        Assert.That(plan.ToLoad.Select(o => (o.Source.Key, o.ObjectId)), Is.EqualTo(new[] { ("/d/a", 8L), ("/d/b", 9L), ("/d/c", 10L) }));
    }

    [Test]
    public void A_ledger_key_no_longer_listed_is_removed_whatever_the_listing_order()
    {
        var ledger = Ledger(Entry("/d/a", 1), Entry("/d/gone", 2), Entry("/d/b", 3));

        var ordered = LoadPlan.Make([Listed("/d/a"), Listed("/d/b")], ledger, 3, null, trusted: true, force: true);
        var unordered = LoadPlan.Make([Listed("/d/b"), Listed("/d/a")], ledger, 3, null, trusted: true, force: true);

        Assert.That(ordered.Removed.Select(e => e.Key), Is.EqualTo(new[] { "/d/gone" }));
        Assert.That(unordered.Removed.Select(e => e.Key), Is.EqualTo(new[] { "/d/gone" }));
    }

    [Test]
    public void A_key_listed_twice_does_not_hide_a_removed_ledger_key()
    {
        // Two listed objects match one ledger key: as many matches as ledger entries, yet "/d/gone" is not listed.
        var ledger = Ledger(Entry("/d/a", 1), Entry("/d/gone", 2));

        var plan = LoadPlan.Make([Listed("/d/a"), Listed("/d/a")], ledger, 2, null, trusted: true, force: true);

        Assert.That(plan.Removed.Select(e => e.Key), Is.EqualTo(new[] { "/d/gone" }));
    }

    [Test]
    public void Every_ledger_key_listed_in_order_removes_nothing()
    {
        var ledger = Ledger(Entry("/d/a", 1), Entry("/d/b", 2));

        var plan = LoadPlan.Make([Listed("/d/a"), Listed("/d/b"), Listed("/d/c")], ledger, 2, null, trusted: true, force: true);

        Assert.That(plan.Removed, Is.Empty);
        Assert.That(plan.ToLoad.Select(o => o.Change), Is.EqualTo(new[] { "changed", "changed", "added" }));
    }
}
