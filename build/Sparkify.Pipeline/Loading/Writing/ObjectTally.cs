using Sparkify.Pipeline.Loading.Ledger;

namespace Sparkify.Pipeline.Loading.Writing;

/// <summary>
/// The rows one object's load wrote, counted as they are written (the ledger's rows_loaded), and for staging_events
/// the lowest and highest ts among them (its day_from/day_to): the server need not scan the rows again to count them.
/// </summary>
public sealed class ObjectTally
{
    static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;

    /// Outside these seconds from 1970 (DateOnly's years 1 to 9999) the day is left to the server (Exact false).
    const long MinSeconds = -62_135_596_800, MaxSeconds = 253_402_300_799;

    long _rows, _min = long.MaxValue, _max = long.MinValue;

    public long Rows => _rows;

    public void Reset() => (_rows, _min, _max) = (0, long.MaxValue, long.MinValue);

    public void Row() => _rows++;

    /// One written row's ts, epoch milliseconds.
    public void Ts(long ms)
    {
        if (ms < _min) _min = ms;
        if (ms > _max) _max = ms;
    }

    /// False when a ts lies outside the years DateOnly holds: then the server's own count decides (and its errors).
    public bool Exact => _min > _max || (_min / 1000 >= MinSeconds && _max / 1000 <= MaxSeconds);

    /// The object's rows and the UTC days of its lowest and highest ts, as object_rows_days.sql computes them:
    /// whole seconds (the millisecond division truncates toward zero), then the day they fall on.
    public ObjectRows ToRows() => _min > _max ? new ObjectRows(_rows, null, null) : new ObjectRows(_rows, Day(_min), Day(_max));

    static DateOnly Day(long ms) => DateOnly.FromDayNumber(EpochDay + (int)Math.Floor(ms / 1000 / 86400.0));
}
