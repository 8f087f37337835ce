namespace Sparkify.Pipeline.Tests;

public class DateWindowTests
{
    [Test]
    public void No_dates_means_no_window() => Assert.That(DateWindow.Parse(null, null), Is.Null);

    [Test]
    public void One_date_is_a_one_day_window()
    {
        var window = DateWindow.Parse("2018-11-05", null)!;

        Assert.That(window, Is.EqualTo(new DateWindow(new DateOnly(2018, 11, 5), new DateOnly(2018, 11, 5))));
        Assert.That(window.EpochMilliseconds, Is.EqualTo((1541376000000L, 1541462400000L)));
    }

    [Test]
    public void Reversed_window_is_a_clear_error() =>
        Assert.That(() => DateWindow.Parse("2018-11-05", "2018-11-01"),
            Throws.TypeOf<PipelineException>().With.Message.EqualTo("--to=2018-11-01 is before --from=2018-11-05"));

    [Test]
    public void Malformed_date_names_the_option() =>
        Assert.That(() => DateWindow.Parse("2018-13-01", null),
            Throws.TypeOf<PipelineException>().With.Message.EqualTo("--from=2018-13-01 is not a date in the form YYYY-MM-DD"));
}
