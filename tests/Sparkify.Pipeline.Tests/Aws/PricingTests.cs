using Sparkify.Pipeline.Aws;

namespace Sparkify.Pipeline.Tests.Aws;

/// The price table kept in pricing/redshift-on-demand.json and the estimate built from it.
public class PricingTests
{
    static readonly Pricing Prices = Pricing.Load(Repo.Root);

    [Test]
    public void Table_is_dated_and_prices_every_configurable_node_type_in_the_default_region()
    {
        Assert.That(DateOnly.TryParse(Prices.AsOf, out _), Is.True, "the table must carry its date");
        Assert.That(Prices.Regions["us-west-2"].Keys, Is.SupersetOf(Sparkify.Pipeline.Config.NodeType.Current.Select(t => t.Name)));
    }

    [Test]
    public void Estimate_multiplies_the_node_price_by_the_node_count()
    {
        Assert.That(Prices.PerHour("us-west-2", "ra3.large", 2), Is.EqualTo(1.086m));
        Assert.That(Prices.Describe("us-west-2", "ra3.large", 2), Does.Contain("about 1.09 USD per hour").And.Contain(Prices.AsOf));
    }

    [Test]
    public void Unknown_region_has_no_estimate_and_says_where_to_look()
    {
        Assert.That(Prices.PerHour("ap-south-2", "dc2.large", 2), Is.Null);
        Assert.That(Prices.Describe("ap-south-2", "dc2.large", 2), Does.Contain("no price for this region").And.Contain(Prices.Source));
    }
}
