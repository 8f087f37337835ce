using Sparkify.Pipeline.Loading;

namespace Sparkify.Pipeline.Tests.Loading.Conformance;

/// <summary>
/// One rule of Redshift's COPY from JSON, checked against the client-side loader and pinned as the COPY the aws
/// profile would send. Page names the Database Developer Guide page; Rule says in our words what it states; Silent,
/// when set, says the guide is silent or ambiguous there and what was chosen. Files are written under a fresh folder
/// ("{root}" in a file is replaced by that folder); the COPY reads From (relative) with Options and Format ('auto',
/// 'auto ignorecase' or a relative JSONPaths path). Expected: Rows (each "a|b|NULL", any order) and the load_errors
/// codes, or Fails (a part of the error message; nothing is then committed). Redshift is the statement's option lines
/// after iam_role, joined by " | " (region, compupdate and statupdate are fixed and left out), or "!text" when the
/// statement builder must refuse with that text.
/// </summary>
public sealed record ConformanceCase(string Name, string Page, string Rule)
{
    public const string AutoPin = "format as json 'auto' | timeformat as 'auto' | maxerror as 0";

    public string? Silent { get; init; }
    public string Ddl { get; init; } = "create table t (k varchar(32), n integer)";
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, byte[]> RawFiles { get; init; } = new Dictionary<string, byte[]>();
    public string From { get; init; } = "data/";
    public string Format { get; init; } = "auto";
    public CopyOptions Options { get; init; } = new() { TimeFormat = TimeFormat.Auto, Parallelism = 2 };
    /// The query whose rows are compared (a cast to text shows what the client would render differently).
    public string Query { get; init; } = "select * from t";
    public string[]? Rows { get; init; }
    public int[] Codes { get; init; } = [];
    public string? Fails { get; init; }
    public string Redshift { get; init; } = AutoPin;

    public override string ToString() => Name;
}
