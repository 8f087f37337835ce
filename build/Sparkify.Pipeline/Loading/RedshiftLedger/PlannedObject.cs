namespace Sparkify.Pipeline.Loading.RedshiftLedger;

/// <summary>
/// What a Redshift ledger load does with one object: 'added', 'changed' (new content, a failed load retried, or
/// another source), 'removed', or 'reloaded' (unchanged, but its rows share an id with a changed object's, so they
/// are deleted and loaded again). Listed is null for a removal; Old is null for an addition.
/// </summary>
public sealed record PlannedObject(string Key, string Change, ListedFile? Listed, LedgerRow? Old, long? NewId)
{
    /// Whether Transform has to hear of it (staging_changes): a reloaded object's rows are the same rows again.
    public bool IsChange => Change != "reloaded";
}

/// One listed object: key, size and ETag (S3 ListObjectsV2).
public sealed record ListedFile(string Key, long Size, string ETag);
