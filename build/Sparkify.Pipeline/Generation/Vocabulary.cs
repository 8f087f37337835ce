namespace Sparkify.Pipeline.Generation;

/// Word lists the generator draws from: invented names and titles, US metro areas, browser user agents.
static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "Anabelle", "Aleena", "Jacob", "Lily", "Kevin", "Chloe", "Tegan", "Ryan", "Jayden", "Layla", "Mohammad", "Sara",
        "Aiden", "Emily", "Noah", "Kate", "Liam", "Ava", "Ethan", "Mia", "Lucas", "Zoe", "Mason", "Isabella", "Logan",
        "Sophia", "Elijah", "Amelia", "Oliver", "Harper", "Wyatt", "Evelyn", "Caleb", "Abigail", "Dylan", "Ella",
    ];

    public static readonly string[] LastNames =
    [
        "Simpson", "Kirby", "Klein", "Koch", "Levine", "Cuevas", "Ramos", "Powell", "Bell", "Griffin", "Rodriguez",
        "Jones", "Smith", "Hayes", "Walker", "Ortiz", "Bryant", "Moore", "Jenkins", "Garrison", "Stone", "Ford",
        "Warren", "Hunt", "Perry", "Daniels", "Fox", "Barker", "Lopez", "Nguyen", "Patel", "Kim", "Schmidt", "Rivera",
    ];

    public static readonly string[] Locations =
    [
        "Philadelphia-Camden-Wilmington, PA-NJ-DE-MD", "Waterloo-Cedar Falls, IA", "Atlanta-Sandy Springs-Roswell, GA",
        "Augusta-Richmond County, GA-SC", "Birmingham-Hoover, AL", "Cedar Rapids, IA", "Chicago-Naperville-Elgin, IL-IN-WI",
        "San Francisco-Oakland-Hayward, CA", "Lansing-East Lansing, MI", "Portland-South Portland, ME",
        "New York-Newark-Jersey City, NY-NJ-PA", "Houston-The Woodlands-Sugar Land, TX", "Tampa-St. Petersburg-Clearwater, FL",
        "Seattle-Tacoma-Bellevue, WA", "Denver-Aurora-Lakewood, CO", "Dallas-Fort Worth-Arlington, TX", "Boston-Cambridge-Newton, MA-NH",
        "Salinas, CA", "Tucson, AZ", "Red Bluff, CA", "Winston-Salem, NC", "Columbia, SC", "Janesville-Beloit, WI",
        "Marinette, WI-MI", "Eugene, OR", "Santa Maria-Santa Barbara, CA", "Detroit-Warren-Dearborn, MI",
    ];

    /// The logs quote about two thirds of their user agents with literal double quotes; UserAgent() adds them.
    public static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.125 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0",
        "Mozilla/5.0 (Windows NT 5.1; rv:31.0) Gecko/20100101 Firefox/31.0",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/37.0.2062.94 Safari/537.36",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36",
        "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36",
        "Mozilla/5.0 (Windows NT 6.3; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.77.4 (KHTML, like Gecko) Version/7.0.5 Safari/537.77.4",
        "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)",
        "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
    ];

    public static readonly string[] ArtistWords =
    [
        "Velvet", "Harbor", "Static", "Lantern", "Copper", "Orchid", "Motel", "Signal", "Paper", "Wolves", "Saints",
        "Echo", "Satellite", "Cactus", "Diamond", "Violet", "Ghost", "Parade", "Thunder", "Marble", "Canyon", "Fever",
        "Neon", "Radio", "Avenue", "Hollow", "Crystal", "Tiger", "Ocean", "Atlas", "Dust", "Mirror",
    ];

    public static readonly string[] TitleWords =
    [
        "Love", "Night", "Heart", "Rain", "Summer", "Fire", "Blue", "Road", "Dream", "City", "Light", "Home", "Gold",
        "River", "Dance", "Sky", "Shadow", "Morning", "Wild", "Stars", "Train", "Angel", "Storm", "Time", "Memory",
        "Whisper", "Sugar", "Midnight", "Highway", "Garden", "Silence", "Window",
    ];

    /// Suffixes the Million Song Dataset's titles carry, some with embedded double quotes.
    public static readonly string[] TitleSuffixes =
    [
        " (Album Version)", " (LP Version)", " (Remastered)", " (Live)", " (7\" Version)", " (Theme From \"Tomorrow\")",
        " (Radio Edit)", " (Parody of \"Yesterday\")",
    ];

    /// Non-ASCII names: accents, ñ, ø, ß, and one name outside Latin-1.
    public static readonly string[] NonAsciiWords =
    [
        "Beyoncé", "Björk", "Sigur Rós", "Mötley Crüe", "Céline", "Niño", "Søren", "Straße", "Café", "Señorita",
        "Ça Plane", "Zoë", "Mañana", "Ōsaka", "Dvořák", "¿Dónde va?",
    ];

    public static readonly string[] Cities =
    [
        "California - LA", "Nashville, TN.", "Hamilton, Ohio", "New York, NY", "London, England", "Detroit, MI",
        "Chicago, IL", "Memphis, TN", "Texas", "Paris, France", "Berlin, Germany", "Kingston, Jamaica", "Toronto, Ontario",
    ];
}
