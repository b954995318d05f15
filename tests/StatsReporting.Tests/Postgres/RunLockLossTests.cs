using Dapper;
using Npgsql;
using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Postgres;

/// The run lock on PostgreSQL is a session's advisory lock: a network blip that drops the session frees it while the
/// run goes on. The run notices before each import and before it stores its output sets, and stops there.
public class RunLockLossTests : IClassFixture<PostgresDatabase>
{
    private const string Lost = "Körlåset i databasen förlorades under körningen (anslutningen till PostgreSQL bröts), så en annan körning kan ha startat; körningen avbröts innan fler importer eller filer sparades i databasen. Kör den igen.";
    private readonly PostgresDatabase _db;
    public RunLockLossTests(PostgresDatabase db) => _db = db;

    /// What the server does to a session whose client vanished: ends it (and its locks with it). Only the session on
    /// this class's database: other test classes hold run locks of their own on the same server at the same time.
    private void DropLockSession()
    {
        // The run lock's bigint key as pg_locks shows it: high and low 32 bits.
        using var admin = new NpgsqlConnection(PostgresServer.ConnectionString);
        var ended = admin.Query<bool>("""
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND classid::bigint = @hi AND objid::bigint = @lo
              AND database = (SELECT oid FROM pg_database WHERE datname = @name)
            """, new { hi = AdvisoryKeys.Run >> 32, lo = AdvisoryKeys.Run & 0xFFFF_FFFF, name = _db.Name }).ToList();
        Assert.Equal([true], ended);
        Thread.Sleep(200); // the server ends the backend asynchronously
    }

    [Fact]
    public void A_dropped_lock_session_frees_the_lock_and_the_run_stops_before_import_and_before_publishing()
    {
        using var env = _db.Env();
        var inbox = Directory.CreateDirectory(env.PathOf("inbox")).FullName;
        File.Copy(TestEnv.SampleCsv, Path.Combine(inbox, "beslut.csv"));
        var job = new QuarterJob(TestEnv.Settings.For(env.Db), env.Clock);

        using (var held = RunLock.TryAcquire(env.Db)!)
        {
            held.EnsureHeld(); // held: nothing to say
            Assert.True(RunLock.IsHeld(env.Db));
            DropLockSession();
            Assert.False(RunLock.IsHeld(env.Db)); // the danger: another run could start now
            var e = Assert.Throws<InvalidOperationException>(() => job.Run(Period.Parse("2025Q2"), new DateOnly(2025, 7, 1), inbox, env.PathOf("reports"),
                ivoRoot: env.PathOf("ivo"), held: held));
            Assert.Equal(Lost, e.Message);
        }
        Assert.Equal(0, Count("SELECT COUNT(*) FROM imports")); // stopped before the inbox's one file

        // Again, and the session dropped while the IVO files are written (after the import, before publishing): the
        // import is in, the local folder is written, but the shared database gets no set from this run.
        using (var held = RunLock.TryAcquire(env.Db)!)
        {
            var e = Assert.Throws<InvalidOperationException>(() => job.Run(Period.Parse("2025Q2"), new DateOnly(2025, 7, 1), inbox, env.PathOf("reports"),
                new At("Skriver IVO-individrapporten …", DropLockSession), ivoRoot: env.PathOf("ivo"), held: held));
            Assert.Equal(Lost, e.Message);
        }
        Assert.Equal((1, 0), (Count("SELECT COUNT(*) FROM imports"), Count("SELECT COUNT(*) FROM output_sets")));
        Assert.True(File.Exists(env.PathOf("reports/2025Q2/evb-sol-2025Q2.xlsx")));

        // Run again with the lock kept: both sets (KF files, IVO files) are stored.
        using (var held = RunLock.TryAcquire(env.Db)!)
            job.Run(Period.Parse("2025Q2"), new DateOnly(2025, 7, 1), inbox, env.PathOf("reports"), ivoRoot: env.PathOf("ivo"), held: held);
        Assert.Equal((1, 2), (Count("SELECT COUNT(*) FROM imports"), Count("SELECT COUNT(*) FROM output_sets")));
    }

    /// Calls `act` when the run reports `step` (synchronously, unlike Progress<T>).
    private sealed class At(string step, Action act) : IProgress<string>
    {
        public void Report(string value) { if (value == step) act(); }
    }

    private long Count(string sql)
    {
        using var c = new NpgsqlConnection(_db.ConnectionString);
        return c.ExecuteScalar<long>(sql);
    }
}
