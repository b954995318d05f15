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

    /// `by`: who signs in, for the behandlingslogg (written in the same transaction as the session).
    public string Start(string keyId, Actor? by = null)
    {
        const string sql = "INSERT INTO sessions (id, key_id, created_at, last_seen_at) VALUES (@id, @keyId, @now, @now)";
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        c.Execute(sql, new { id, keyId, now = Now() }, tx);
        if (by is not null) Behandlingslogg.Write(db, c, tx, by.Did(Handling.Inloggning, Resultat.Ok), clock.GetUtcNow());
        tx.Commit();
        return id;
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

    /// `by`: who signs out (logged with the session's end); null when the idle timeout ends it.
    public void End(string id, Actor? by = null)
    {
        const string sql = "UPDATE sessions SET ended_at = @now WHERE id = @id AND ended_at IS NULL";
        using var c = db.Open();
        using var tx = c.BeginTransaction();
        var ended = c.Execute(sql, new { id, now = Now() }, tx);
        if (by is not null && ended == 1) Behandlingslogg.Write(db, c, tx, by.Did(Handling.Utloggning, Resultat.Ok), clock.GetUtcNow());
        tx.Commit();
    }

    /// Every open session made with the key: when it is revoked or gone from configuration.
    public void EndAllFor(string keyId)
    {
        const string sql = "UPDATE sessions SET ended_at = @now WHERE key_id = @keyId AND ended_at IS NULL";
        using var c = db.Open();
        c.Execute(sql, new { keyId, now = Now() });
    }

    private string Now() => clock.GetUtcNow().ToString("O");
}
