namespace Sparkify.Pipeline.Aws;

/// <summary>
/// Temporary database credentials that renew themselves: each new warehouse connection asks for the password, and
/// credentials that expire within <see cref="RenewBefore"/> are fetched again first, so a run longer than their
/// 15 minutes never logs in with expired ones. Kept in memory only.
/// </summary>
public sealed class TemporaryLogin(DbCredentials first, Func<CancellationToken, Task<DbCredentials>> fetch, Func<DateTimeOffset> now,
    DateTimeOffset fetchedAt)
{
    /// A connection takes a few seconds at most; two minutes of margin also covers a client clock that is off.
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);

    readonly SemaphoreSlim _gate = new(1, 1);
    DbCredentials _current = first;
    DateTimeOffset _fetchedAt = fetchedAt;

    public string User => _current.User;

    public DbCredentials Current => _current;

    /// How many times credentials were fetched (the first included).
    public int Fetches { get; private set; } = 1;

    public static async Task<TemporaryLogin> StartAsync(Func<CancellationToken, Task<DbCredentials>> fetch, Func<DateTimeOffset> now,
        CancellationToken ct)
    {
        var fetchedAt = now();
        return new TemporaryLogin(await fetch(ct), fetch, now, fetchedAt);
    }

    /// The password for a new connection, renewed first when the current one is about to expire.
    public async ValueTask<string> PasswordAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (ExpiresAt - now() <= RenewBefore)
            {
                _fetchedAt = now();
                _current = await fetch(ct);
                Fetches++;
            }
            return _current.Password;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// The answer's Expiration, else what the request asked for (Redshift.CredentialSeconds after the fetch).
    DateTimeOffset ExpiresAt => _current.Expires ?? _fetchedAt.AddSeconds(Redshift.CredentialSeconds);
}
