using Dapper;
using StatsReporting.Access;
using StatsReporting.Import;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;
using StatsReporting.Jobs;

namespace StatsReporting.Tests.Postgres;

/// The smaller stores on Postgres: API keys, and the start-up sweep of the archive under the write lock.
public class PostgresStoresTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private readonly TestEnv _env;

    public PostgresStoresTests(PostgresDatabase db) => _env = db.Env();

    [Fact]
    public void Keys_are_added_listed_found_and_revoked_on_postgres()
    {
        var keys = new KeyStore(_env.Db);
        var at = new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero);
        var (admin, _) = keys.Add(Role.Admin, "Förvaltningen", at);
        var (controller, _) = keys.Add(Role.Controller, "Controller a", at.AddMinutes(1), ["a", "b"]);
        Assert.Equal(["Förvaltningen admin *", "Controller a controller a,b"], keys.List().Select(k => $"{k.Name} {k.Role} {k.Namnder}"));
        Assert.True(keys.Revoke(controller.Id, at.AddHours(1)));
        Assert.False(keys.Revoke(controller.Id, at.AddHours(2)));
        Assert.Equal((true, false), (keys.IsActive(admin.Id), keys.IsActive(controller.Id)));
    }

    [Fact]
    public void The_sweep_removes_an_archive_copy_without_its_import_and_waits_for_an_import_that_holds_the_lock()
    {
        var archive = TestEnv.Settings.Paths.ArchiveFor(_env.Db.Path);
        new Importer(_env.Db, TestEnv.Catalog, archive, _env.Clock).Import(TestEnv.SampleCsv);
        var kept = Directory.GetFiles(archive).Single();
        var orphan = Path.Combine(archive, new string('a', 64) + ".csv");
        File.WriteAllText(orphan, "x");
        // An import in progress (another node's, say) holds the write lock: the sweep leaves everything for next time.
        using (var c = _env.Db.Open())
        using (var tx = c.BeginTransaction())
        {
            _env.Db.WriteLock(c, tx);
            Assert.Equal(0, Leftovers.Sweep(_env.Db, TestEnv.Settings.Paths, _env.PathOf("reports"), _env.PathOf("ivo")));
            Assert.True(File.Exists(orphan));
        }
        Assert.Equal(1, Leftovers.Sweep(_env.Db, TestEnv.Settings.Paths, _env.PathOf("reports"), _env.PathOf("ivo")));
        Assert.Equal([kept], Directory.GetFiles(archive));
    }

    public void Dispose() => _env.Dispose();
}
