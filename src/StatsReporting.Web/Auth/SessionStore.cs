using System.Security.Cryptography;
using Dapper;
using StatsReporting.Storage;
using StatsReporting.Access;
using StatsReporting.Logg;

namespace StatsReporting.Web.Auth;

/// Server-side cookie sessions (table sessions): the cookie only names a session, and the session is valid while its
/// row says so. Logout ends it, a revoked key ends it at its next request, and so does StatsReporting:Web:SessionIdleMinutes
/// without a request. A cookie replayed after any of these is refused.
public sealed class SessionStore(Db db, TimeProvider clock, WebSettings settings)
{
    public const string Claim = "sid";
    private TimeSpan Idle => TimeSpan.FromMinutes(settings.SessionIdleMinutes);

    // last_seen_at is written at most once a minute per session, not at every request.
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// `grant`: for a person signed in with the kommun's account, what their groups gave (OidcGrant.Stored).
    /// `log`: the behandlingslogg's rows of the sign-in, written in the same transaction as the session.
    public string Start(string keyId, string? grant = null, params LogEntry[] log)
    {
        const string sql = """
            INSERT INTO sessions (id, key_id, created_at, last_seen_at, grant_given) VALUES (@id, @keyId, @now, @now, @grant)
            """;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        c.Execute(sql, new { id, keyId, now = Now(), grant }, tx);
        foreach (var entry in log) Behandlingslogg.Write(db, c, tx, entry, clock.GetUtcNow());
        tx.Commit();
        return id;
    }

    /// What the person's groups gave at their last sign-in; null before the first.
    public string? LastGrant(string keyId)
    {
        const string sql = """
            SELECT grant_given FROM sessions WHERE key_id = @keyId AND grant_given IS NOT NULL ORDER BY created_at DESC LIMIT 1
            """;
        using var c = db.Open();
        return c.QuerySingleOrDefault<string>(sql, new { keyId });
    }

    /// True while the session is open, belongs to `keyId` and has been used within the idle timeout; an idle one is ended.
    public bool Continue(string id, string keyId)
    {
        const string find = "SELECT last_seen_at FROM sessions WHERE id = @id AND key_id = @keyId AND ended_at IS NULL";
        const string touch = "UPDATE sessions SET last_seen_at = @now WHERE id = @id AND ended_at IS NULL";
        var now = clock.GetUtcNow();
        using var c = db.Open();
        if (c.QuerySingleOrDefault<string>(find, new { id, keyId }) is not { } seen) return false;
        var idle = now - DateTimeOffset.Parse(seen, System.Globalization.CultureInfo.InvariantCulture);
        if (idle > Idle) { End(id); return false; }
        if (idle >= TouchEvery) c.Execute(touch, new { id, now = now.ToString("O") });
        return true;
    }

    /// `log`: the sign-out's row of the behandlingslogg, written with the session's end (not for an idle one).
    public void End(string id, LogEntry? log = null)
    {
        const string sql = "UPDATE sessions SET ended_at = @now WHERE id = @id AND ended_at IS NULL";
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        if (c.Execute(sql, new { id, now = Now() }, tx) == 1 && log is not null) Behandlingslogg.Write(db, c, tx, log, clock.GetUtcNow());
        tx.Commit();
    }

    /// A refused or failed sign-in: nothing else is written, so the row has a transaction of its own.
    public void Refused(LogEntry log) => Behandlingslogg.Write(db, log, clock.GetUtcNow());

    /// Every open session made with the key: when it is revoked or gone from configuration.
    public void EndAllFor(string keyId)
    {
        const string sql = "UPDATE sessions SET ended_at = @now WHERE key_id = @keyId AND ended_at IS NULL";
        using var c = db.Open();
        c.Execute(sql, new { keyId, now = Now() });
    }

    private string Now() => clock.GetUtcNow().ToString("O");
}
