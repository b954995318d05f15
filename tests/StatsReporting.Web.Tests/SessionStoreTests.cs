using StatsReporting.Storage;
using StatsReporting.Web.Auth;
using StatsReporting.Access;

namespace StatsReporting.Web.Tests;

/// Sessions end on the server: after the configured idle minutes, at logout, and for every session of a revoked key.
public class SessionStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-sessions-").FullName;
    private readonly MovableClock _clock = new(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SessionStore _sessions;

    public SessionStoreTests()
    {
        var db = new Db(Path.Combine(_dir, "s.db"));
        db.Migrate();
        _sessions = new SessionStore(db, _clock, new WebSettings { SessionIdleMinutes = 20 });
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_session_used_every_19_minutes_lives_and_one_idle_for_21_minutes_ends_for_good()
    {
        var id = _sessions.Start("nyckel-1");
        for (var i = 0; i < 5; i++)
        {
            _clock.Now += TimeSpan.FromMinutes(19);
            Assert.True(_sessions.Continue(id, "nyckel-1"));
        }
        _clock.Now += TimeSpan.FromMinutes(21);
        Assert.False(_sessions.Continue(id, "nyckel-1"));
        _clock.Now += TimeSpan.FromMinutes(1);
        Assert.False(_sessions.Continue(id, "nyckel-1")); // ended, not just late
    }

    [Fact]
    public void Ending_one_session_or_all_of_a_key_leaves_the_others()
    {
        var (a, b, other) = (_sessions.Start("nyckel-1"), _sessions.Start("nyckel-1"), _sessions.Start("nyckel-2"));
        _sessions.End(a);
        Assert.Equal((false, true, true), (_sessions.Continue(a, "nyckel-1"), _sessions.Continue(b, "nyckel-1"), _sessions.Continue(other, "nyckel-2")));
        _sessions.EndAllFor("nyckel-1");
        Assert.Equal((false, true), (_sessions.Continue(b, "nyckel-1"), _sessions.Continue(other, "nyckel-2")));
        Assert.False(_sessions.Continue(other, "nyckel-1")); // a session is only valid with the key it was made with
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
