namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// One COPY of a Redshift ledger load: FROM one object's exact key, or FROM a folder (a prefix ending in '/') whose
/// listed objects all load together. Every row it loads carries <see cref="Id"/> as its object_id, which is also the
/// load_group of the objects it names: Redshift's COPY cannot say which file a row came from.
/// </summary>
public sealed record CopyUnit(string Prefix, bool IsFolder, IReadOnlyList<string> Keys, long Id)
{
    public string Describe(string bucket) => IsFolder ? $"s3://{bucket}/{Prefix} ({Keys.Count} objects)" : $"s3://{bucket}/{Prefix}";
}
