using Dapper;
using Npgsql;
using StatsReporting.Import;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Postgres;

/// The Postgres provider itself: migrations once under concurrency, an all-or-nothing import, and Swedish messages
/// that name the server but never the password. Each test makes its own database.
public class PostgresStorageTests : IDisposable
{
    private readonly List<string> _databases = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-pg-").FullName;

    private string Fresh(string? collation = null)
    {
        var name = "sr_" + Guid.NewGuid().ToString("N")[..20];
        if (collation is null) PostgresDatabase.Create(name);
        else
        {
            using var c = new NpgsqlConnection(PostgresServer.ConnectionString);
            c.Open();
            c.Execute($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' {collation} TEMPLATE template0");
        }
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = name }.ToString();
    }

    private Db DbOn(string cs) => Db.Postgres(cs, Path.Combine(_dir, "data", "statsreporting.db"));

    [Fact]
    public void Three_nodes_migrating_a_fresh_database_at_once_apply_each_migration_once()
    {
        var cs = Fresh();
        var scripts = Migrations.Scripts(DbProvider.Postgres).Select(s => s.Name).ToList();
        Assert.Equal(14, scripts.Count);   // 0001–0006, 0008–0013, 0015, 0016 (there is no 0007 and no 0014)
        // Three data sources, as three processes would have (the application name keeps them apart).
        var nodes = Enumerable.Range(1, 3).Select(n => DbOn(cs + $";Application Name=node{n}")).ToArray();
        using var start = new Barrier(3);
        var applied = nodes.AsParallel().WithDegreeOfParallelism(3).Select(db =>
        {
            start.SignalAndWait();
            return db.Migrate();
        }).ToList();
        // One node applied all fourteen; the other two waited on the lock and found nothing left to do.
        Assert.Equal([0, 0, 14], applied.Select(a => a.Count).Order());
        Assert.Equal(scripts, applied.Single(a => a.Count > 0));
        using var c = new NpgsqlConnection(cs);
        c.Open();
        Assert.Equal(scripts, c.Query<string>("SELECT name FROM schema_migrations ORDER BY name"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM namnder"));
        Assert.Empty(nodes[0].Migrate());
    }

    [Fact]
    public void A_file_with_one_bad_row_stores_nothing_on_postgres()
    {
        var db = DbOn(Fresh());
        db.Migrate();
        var env = new TestEnv(_ => db);
        var good = TestEnv.WriteRecords(env.PathOf("bra.csv"), ["B-1;19500101-T021;K;SoL;ÄO;Hemtjänst;;2025-01-10;;;;;", "B-2;19500102-T012;M;LSS;;9 § 4;;2025-02-10;;;;;"]);
        Assert.Equal(2, env.Importer().Import(good).New);
        var bad = TestEnv.WriteRecords(env.PathOf("fel.csv"), ["B-1;19500101-T021;K;SoL;ÄO;Hemtjänst;;2025-01-10;;2025-03-01;;;", "B-3;19500103-T041;K;SoL;ÄO;Hemtjänst;;2025-13-40;;;;;", "B-4;19500104-T051;M;SoL;ÄO;Hemtjänst;;2025-01-12;;;;;"]);
        var e = Assert.Throws<ImportFailedException>(() => env.Importer().Import(bad));
        Assert.Contains(e.Errors, x => x.Row == 3);
        using var c = db.Open();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM imports"));
        Assert.Equal(["B-1 1 ", "B-2 1 "], c.Query<string>("SELECT beslut_id || ' ' || version || ' ' || COALESCE(verkstallt_datum, '') FROM decision_versions ORDER BY beslut_id"));
        Assert.Single(Directory.GetFiles(env.PathOf("archive")));
        // The same file, mended, goes in whole: B-1 gets a second version and its first is kept.
        var mended = TestEnv.WriteRecords(env.PathOf("rattad.csv"), ["B-1;19500101-T021;K;SoL;ÄO;Hemtjänst;;2025-01-10;;2025-03-01;;;", "B-3;19500103-T041;K;SoL;ÄO;Hemtjänst;;2025-01-11;;;;;"]);
        var outcome = env.Importer().Import(mended);
        Assert.Equal((1, 1, 0), (outcome.New, outcome.Changed, outcome.Unchanged));
        Assert.Equal(["B-1 1 ", "B-1 2 2025-03-01", "B-2 1 ", "B-3 1 "], c.Query<string>("SELECT beslut_id || ' ' || version || ' ' || COALESCE(verkstallt_datum, '') FROM decision_versions ORDER BY beslut_id, version"));
        // B-2 (LSS) is not in the file, and LSS is not either: it stays in LSS's snapshot. B-1's first version left SoL's.
        Assert.Equal(["B-1 1 2", "B-1 2 ", "B-2 1 ", "B-3 1 "], c.Query<string>("SELECT beslut_id || ' ' || version || ' ' || COALESCE(gone_import::text, '') FROM decision_versions ORDER BY beslut_id, version"));
    }

    [Fact]
    public void A_wrong_password_is_named_in_swedish_and_the_password_is_not_shown()
    {
        var cs = new NpgsqlConnectionStringBuilder(Fresh()) { Password = "Fel-Losen-8461" };
        var e = Assert.Throws<InvalidOperationException>(() => DbOn(cs.ToString()).Migrate());
        Assert.Equal($"PostgreSQL-databasen '{cs.Database}' på {cs.Host}:{cs.Port} kan inte användas: inloggningen nekades " +
            "(fel användarnamn eller lösenord i ConnectionStrings:Postgres). Inget har ändrats.", e.Message);
        var right = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString).Password!;
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            Assert.DoesNotContain("Fel-Losen-8461", x.Message);
            Assert.DoesNotContain(right, x.Message);
        }
    }

    [Fact]
    public void A_server_that_does_not_answer_and_a_missing_database_are_named_in_swedish()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Port = 1, Timeout = 3 };
        var e = Assert.Throws<InvalidOperationException>(() => DbOn(cs.ToString()).Migrate());
        Assert.Equal($"PostgreSQL-databasen '{cs.Database}' på {cs.Host}:1 kan inte användas: servern svarar inte " +
            "(kör PostgreSQL, och är Host och Port rätt i ConnectionStrings:Postgres?). Inget har ändrats.", e.Message);
        var missing = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = "sr_finns_inte" };
        e = Assert.Throws<InvalidOperationException>(() => DbOn(missing.ToString()).Migrate());
        Assert.Equal($"PostgreSQL-databasen 'sr_finns_inte' på {missing.Host}:{missing.Port} kan inte användas: databasen finns inte på servern " +
            "(skapa den, eller rätta Database i ConnectionStrings:Postgres). Inget har ändrats.", e.Message);
    }

    [Fact]
    public void A_test_server_that_cannot_be_reached_fails_the_test_with_the_reason_and_not_the_password()
    {
        var given = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString);
        var cs = new NpgsqlConnectionStringBuilder(given.ToString()) { Port = 1, Timeout = 3 };
        var e = Assert.Throws<InvalidOperationException>(() => PostgresServer.Reach(cs.ToString()));
        Assert.StartsWith($"Postgres-testerna når ingen server ({PostgresServer.Variable}: ", e.Message);
        Assert.Contains("Port=1", e.Message);
        Assert.Contains("The Postgres tests cannot reach their server", e.Message);
        Assert.DoesNotContain(given.Password!, e.Message);
    }

    [Fact]
    public void A_database_that_sorts_text_by_a_language_is_refused_before_anything_is_written()
    {
        var cs = Fresh("LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'sv-SE'");
        var e = Assert.Throws<InvalidOperationException>(() => DbOn(cs).Migrate());
        Assert.Contains("kräver sorteringen C och kodningen UTF8", e.Message);
        using var c = new NpgsqlConnection(cs);
        c.Open();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    public void Dispose()
    {
        foreach (var name in _databases) PostgresDatabase.Drop(name);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
