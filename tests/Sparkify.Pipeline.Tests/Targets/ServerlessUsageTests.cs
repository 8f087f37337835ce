using Sparkify.Pipeline.Targets;

namespace Sparkify.Pipeline.Tests.Targets;

/// Status reads the RPU-hours charged since the usage limit's period began: UTC day, week from Sunday (the API's
/// documentation of the period), month.
public class ServerlessUsageTests
{
    static readonly DateTime Thursday = new(2026, 12, 10, 17, 45, 0, DateTimeKind.Utc);

    [TestCase("daily", "2026-12-10")]
    [TestCase("weekly", "2026-12-06")]
    [TestCase("monthly", "2026-12-01")]
    public void The_period_starts_at_midnight_utc_of_its_first_day(string period, string first) =>
        Assert.That(ServerlessUsage.PeriodStart(period, Thursday), Is.EqualTo(DateTime.Parse(first + "T00:00:00Z").ToUniversalTime()));

    [Test]
    public void A_week_that_starts_today_starts_today() =>
        Assert.That(ServerlessUsage.PeriodStart("weekly", new DateTime(2026, 12, 6, 1, 0, 0, DateTimeKind.Utc)),
            Is.EqualTo(new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc)));
}
