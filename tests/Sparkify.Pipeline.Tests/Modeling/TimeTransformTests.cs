using static Sparkify.Pipeline.Tests.Fixtures.Epoch;

namespace Sparkify.Pipeline.Tests.Modeling;

/// time: one row per distinct songplay start_time; ISO week; weekday 0 = Sunday; milliseconds kept.
public class TimeTransformTests
{
    [Test]
    public async Task Last_millisecond_of_a_sunday_keeps_its_milliseconds_weekday_zero_and_iso_week()
    {
        var warehouse = await TestWarehouse.CreateAsync();
        await warehouse.StageAsync(
            // Sunday 2018-11-04: ISO week 44 runs Monday 2018-10-29 .. Sunday 2018-11-04.
            new StagedEvent("7", Ms("2018-11-04 23:59:59.999"), ItemInSession: 0),
            // Monday 2018-12-31 is in ISO week 1 (of 2019); the calendar year stays 2018.
            new StagedEvent("7", Ms("2018-12-31 00:00:00.000"), ItemInSession: 1),
            // Sunday 2017-01-01 belongs to ISO week 52 of 2016.
            new StagedEvent("7", Ms("2017-01-01 12:30:00.001"), ItemInSession: 2));

        await warehouse.TransformAsync();

        Assert.That(await warehouse.RowsAsync("select start_time, hour, day, week, month, year, weekday from time order by start_time"),
            Is.EqualTo(new[]
            {
                "2017-01-01 12:30:00.001|12|1|52|1|2017|0",
                "2018-11-04 23:59:59.999|23|4|44|11|2018|0",
                "2018-12-31 00:00:00.000|0|31|1|12|2018|1",
            }));
        Assert.That(await warehouse.RowsAsync("select start_time from songplays where item_in_session = 0"),
            Is.EqualTo(new[] { "2018-11-04 23:59:59.999" }));
    }
}
