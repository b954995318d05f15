using System.Diagnostics;
using Dapper;
using Npgsql;
using StatsReporting.Logg;
using StatsReporting.Storage;
using StatsReporting.Tests.Postgres;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Logg;

/// The behandlingslogg's chain on both providers: appended rows verify; a row changed or deleted behind the
/// application's back (the triggers dropped first, as someone with the database's owner rights could) is named; the
/// log's own gallring leaves an anchor from which the chain goes on.
public class BehandlingsloggTests : IDisposable
{
    private static readonly DateTimeOffset T = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly TestEnv _env = new();
    private PostgresDatabase? _pg;

    public void Dispose()
    {
        _env.Dispose();
        if (_pg is not null) PostgresDatabase.Drop(_pg.Name);
    }

    private static LogEntry Download(string vem, string resultat = Resultat.Ok) => new()
    {
        Vem = vem, Subjekt = "k-1", Handling = Handling.Individrapport, Objekt = "ivo-individrapport-2025Q2.xlsx",
        Kvartal = "2025Q2", Namnd = "standard", AntalPersoner = 12, Adress = "10.1.2.3", Nod = "nod1", Resultat = resultat,
    };

    private Db Postgres()
    {
        _pg = new PostgresDatabase();
        var db = Db.Postgres(_pg.ConnectionString, _env.PathOf("pgdata/statsreporting.db"));
        db.Migrate();
        return db;
    }

    [Fact]
    public void Three_rows_verify_and_each_holds_the_hash_of_the_one_before() => Chain(_env.Db);

    [Fact]
    public void Three_rows_verify_and_each_holds_the_hash_of_the_one_before_on_postgres() => Chain(Postgres());

    private static void Chain(Db db)
    {
        var rows = new[] { "Anna", "Bo", "Cecilia" }.Select((v, i) => Behandlingslogg.Write(db, Download(v), T.AddMinutes(i))).ToList();
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Id));
        Assert.Equal(Behandlingslogg.Genesis, rows[0].Foregaende);
        Assert.Equal(rows[0].Hash, rows[1].Foregaende);
        Assert.Equal(rows[1].Hash, rows[2].Foregaende);
        Assert.Equal(new Behandlingslogg.VerifyResult(true, 3, null, rows[2].Hash), Behandlingslogg.Verify(db));
        Assert.Equal(["Anna (k-1)", "Bo (k-1)", "Cecilia (k-1)"], Behandlingslogg.Read(db, null, null).Select(r => LogLine.Of(r).Vem));
        Assert.Equal("10.1.2.3 via nod1", LogLine.Of(rows[0]).Adress);
        Assert.Equal("2026-12-07T10:01:00.000Z", rows[1].Tid);
    }

    [Fact]
    public void A_row_changed_with_sqlite3_is_named_by_verify()
    {
        for (var i = 0; i < 3; i++) Behandlingslogg.Write(_env.Db, Download($"P{i}"), T.AddMinutes(i));
        var refused = Sqlite3(_env.Db.Path, "UPDATE behandlingslogg SET vem = 'Någon annan' WHERE id = 2;");
        Assert.Contains("behandlingsloggen kan inte ändras", refused);
        Assert.True(Behandlingslogg.Verify(_env.Db).Whole);

        Sqlite3(_env.Db.Path, "DROP TRIGGER behandlingslogg_ingen_andring; UPDATE behandlingslogg SET vem = 'Någon annan' WHERE id = 2;");
        var broken = Behandlingslogg.Verify(_env.Db);
        Assert.False(broken.Whole);
        Assert.Equal("rad 2 har ändrats (dess hash stämmer inte med innehållet)", broken.FirstBroken);
    }

    [Fact]
    public void A_row_deleted_with_sqlite3_is_named_by_verify()
    {
        for (var i = 0; i < 3; i++) Behandlingslogg.Write(_env.Db, Download($"P{i}"), T.AddMinutes(i));
        Assert.Contains("behandlingsloggen kan inte ändras", Sqlite3(_env.Db.Path, "DELETE FROM behandlingslogg WHERE id = 2;"));

        Sqlite3(_env.Db.Path, "DROP TRIGGER behandlingslogg_ingen_borttagning; DELETE FROM behandlingslogg WHERE id = 2;");
        Assert.Equal("rad 2 saknas (borttagen); nästa rad är 3", Behandlingslogg.Verify(_env.Db).FirstBroken);
    }

    [Fact]
    public void A_row_changed_on_postgres_is_named_by_verify()
    {
        var db = Postgres();
        for (var i = 0; i < 3; i++) Behandlingslogg.Write(db, Download($"P{i}"), T.AddMinutes(i));
        using var c = new NpgsqlConnection(_pg!.ConnectionString);
        c.Open();
        var refused = Assert.Throws<PostgresException>(() => c.Execute("UPDATE behandlingslogg SET resultat = 'nekad' WHERE id = 3"));
        Assert.Equal("behandlingsloggen kan inte ändras", refused.MessageText);
        Assert.Throws<PostgresException>(() => c.Execute("TRUNCATE behandlingslogg"));

        c.Execute("ALTER TABLE behandlingslogg DISABLE TRIGGER behandlingslogg_ingen_andring; UPDATE behandlingslogg SET resultat = 'nekad' WHERE id = 3");
        Assert.Equal("rad 3 har ändrats (dess hash stämmer inte med innehållet)", Behandlingslogg.Verify(db).FirstBroken);
    }

    [Fact]
    public void The_logs_own_gallring_records_an_anchor_and_the_chain_goes_on_from_it() => Prune(_env.Db);

    [Fact]
    public void The_logs_own_gallring_records_an_anchor_and_the_chain_goes_on_from_it_on_postgres() => Prune(Postgres());

    private static void Prune(Db db)
    {
        var old = new DateTimeOffset(2023, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var rows = new[] { old, old.AddDays(1), T }.Select((t, i) => Behandlingslogg.Write(db, Download($"P{i}"), t)).ToList();

        Assert.Equal(2, Behandlingslogg.Prune(db, new DateOnly(2026, 12, 7), 36, "admin@server", T.AddHours(1)));

        var left = Behandlingslogg.Read(db, null, null);
        Assert.Equal([3L, 4L], left.Select(r => r.Id));
        Assert.Equal(rows[2].Hash, left[1].Foregaende);
        Assert.Equal(("logg_gallrad", "2 rader äldre än 2023-12-07", "admin@server"), (left[1].Handling, left[1].Objekt, left[1].Vem));
        using (var c = db.Open())
            Assert.Equal((2L, rows[1].Hash, 2L), c.QuerySingle<(long, string, long)>("SELECT till_id, hash, antal FROM behandlingslogg_ankare"));
        Assert.Equal((true, 2L), (Behandlingslogg.Verify(db).Whole, Behandlingslogg.Verify(db).Rows));
        Assert.Equal(5, Behandlingslogg.Write(db, Download("Efter"), T.AddHours(2)).Id);
        Assert.True(Behandlingslogg.Verify(db).Whole);
        // Nothing left to gallra: no second anchor, and the empty gallring is logged too.
        Assert.Equal(0, Behandlingslogg.Prune(db, new DateOnly(2026, 12, 7), 36, "admin@server", T.AddHours(3)));
        using (var c = db.Open()) Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM behandlingslogg_ankare"));
        Assert.True(Behandlingslogg.Verify(db).Whole);
    }

    [Fact]
    public void Read_takes_whole_days_from_and_to()
    {
        foreach (var t in new[] { T.AddDays(-2), T.AddDays(-1), T, T.AddDays(1) }) Behandlingslogg.Write(_env.Db, Download("X"), t);
        Assert.Equal(["2026-12-06T10:00:00.000Z", "2026-12-07T10:00:00.000Z"],
            Behandlingslogg.Read(_env.Db, new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 7)).Select(r => r.Tid));
    }

    [Fact]
    public void Csv_and_json_have_the_issues_columns_and_neutralise_formulas()
    {
        Behandlingslogg.Write(_env.Db, Download("=HYPERLINK(\"x\")") with { Subjekt = null, Nod = null, Adress = null }, T);
        var rows = Behandlingslogg.Read(_env.Db, null, null);
        Assert.Equal("tid;vem;handling;objekt;kvartal;namnd;antal_personer;adress;resultat\n" +
            "2026-12-07T10:00:00.000Z;\"'=HYPERLINK(\"\"x\"\")\";individrapport_hamtad;ivo-individrapport-2025Q2.xlsx;2025Q2;standard;12;;ok\n",
            LogExport.Csv(rows));
        var json = System.Text.Json.JsonDocument.Parse(LogExport.Json(rows)).RootElement[0];
        Assert.Equal(["tid", "vem", "handling", "objekt", "kvartal", "namnd", "antal_personer", "adress", "resultat"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(12, json.GetProperty("antal_personer").GetInt64());
    }

    private static string Sqlite3(string db, string sql)
    {
        var p = Process.Start(new ProcessStartInfo("sqlite3", [db, sql]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
