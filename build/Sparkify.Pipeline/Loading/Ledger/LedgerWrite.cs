namespace Sparkify.Pipeline.Loading.Ledger;

/// What a load writes into the ledger and staging_changes when its rows are in: the plan, the rows per object id,
/// the rejected records per object name, and who and when. Trusted: the old entries' days describe staging.
public sealed record LedgerWrite(string Table, string Source, string RunId, DateTime LoadedAt, LoadPlan Plan,
    IReadOnlyDictionary<long, ObjectRows> Rows, IReadOnlyDictionary<string, int> Rejected, bool Trusted);
