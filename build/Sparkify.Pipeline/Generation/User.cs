namespace Sparkify.Pipeline.Generation;

/// <summary>
/// One listener: who they are, how active, and whether (and on which day) they switch between free and paid.
/// A pure function of the seed and the user's index, like the songs.
/// </summary>
public sealed record User(
    string UserId, string FirstName, string LastName, string Gender, string Location, string UserAgent,
    long Registration, string FirstLevel, double Activity, int? ChangeDay)
{
    /// The real logs' users register in the weeks before November 2018; their timestamps end in .796 seconds.
    static readonly long November = new DateTimeOffset(2018, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public const int PerScale = 97;

    public static User Create(int seed, int index)
    {
        var r = new Rng(seed, 31, index);
        var agent = r.Pick(Vocabulary.UserAgents);
        // 28 of the 40 real user agents carry literal surrounding double quotes.
        if (r.Chance(0.7)) agent = $"\"{agent}\"";
        var registration = November - r.Next(3_600, 60 * 86_400) * 1000L + 796;
        var level = r.Chance(0.7) ? "free" : "paid";
        // Exponential activity: a few heavy listeners, many light ones, as in the real logs (15..772 events a user).
        var activity = -Math.Log(1 - r.NextDouble());
        // About 1 user in 10 switches level once in November (8 of 97 in the real logs).
        int? changeDay = r.Chance(0.1) ? r.Next(2, 30) : null;
        return new User((index + 2).ToString(), r.Pick(Vocabulary.FirstNames), r.Pick(Vocabulary.LastNames),
            r.Chance(0.5) ? "F" : "M", r.Pick(Vocabulary.Locations), agent, registration, level, activity, changeDay);
    }

    public string LevelOn(int day) => ChangeDay is { } change && day > change ? Other(FirstLevel) : FirstLevel;

    public static string Other(string level) => level == "free" ? "paid" : "free";
}
