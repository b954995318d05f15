using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Namnder;

/// Migration 0009 on a one-nämnd database made before it: every record moves into the default nämnd and the reports
/// are what they were, cell for cell, at the same paths and names.
public class NamndMigrationTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();
    private static readonly Period Q2 = Period.Parse("2025Q2");

    [Fact]
    public void A_database_of_schema_0008_upgraded_by_0009_gives_the_same_cell_values_in_every_sheet()
    {
        // Before: the sample imported and reported (the records exactly as the importer stores them).
        _env.Importer().Import(TestEnv.SampleCsv);
        var before = _env.Reports().Write(Q2, Q2.End, _env.PathOf("before"));

        // A database with the schema of migrations 0001–0008 only, holding the same rows (no namnd column anywhere).
        var old = new Db(_env.PathOf("old.db"));
        using (var c = old.Open())
        {
            c.Execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
            foreach (var (name, sql) in Migrations.Scripts(DbProvider.Sqlite).Where(s => string.CompareOrdinal(s.Name, "0009") < 0))
            {
                c.Execute(sql);
                c.Execute("INSERT INTO schema_migrations VALUES (@name, '2025-01-01')", new { name });
            }
            Assert.DoesNotContain("namnd", c.Query<string>("SELECT name FROM pragma_table_info('decision_versions')"));
            c.Execute($"ATTACH DATABASE '{_env.Db.Path}' AS src");
            c.Execute("""
                INSERT INTO imports SELECT id, file_name, sha256, archive_path, imported_at, row_count, laws FROM src.imports;
                INSERT INTO decision_versions (id, beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, enhet,
                    beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, gone_import, content_hash)
                SELECT id, beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, enhet,
                    beslutsdatum, avbrottsdatum, verkstallt_datum, avslutat_datum, orsak, kommentar, fodelsedatum, gone_import, content_hash
                FROM src.decision_versions;
                """);
            c.Execute("DETACH DATABASE src");
        }
        Assert.Equal(["0009_namnder.sql", "0010_output_files.sql", "0011_report_reads.sql", "0012_data_protection_keys.sql", "0013_behandlingslogg.sql",
            "0015_oidc_sessions.sql", "0016_bulk_imports.sql"], old.Migrate()); // and what came after 0009

        using (var m = old.Open())
            Assert.Equal([("standard", 309L)], m.Query<(string, long)>("SELECT namnd, COUNT(*) FROM decision_versions GROUP BY namnd"));
        var after = new ReportService(TestEnv.Settings.For(old)).Write(Q2, Q2.End, _env.PathOf("after"));

        var names = before.Select(f => Path.GetRelativePath(_env.PathOf("before"), f.Path)).ToList();
        Assert.Equal(names, after.Select(f => Path.GetRelativePath(_env.PathOf("after"), f.Path)));
        Assert.Contains(Path.Combine("2025Q2", "evb-sol-2025Q2.xlsx"), names);
        foreach (var xlsx in names.Where(n => n.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            var (a, b) = (Xlsx.Read(_env.PathOf(Path.Combine("before", xlsx))), Xlsx.Read(_env.PathOf(Path.Combine("after", xlsx))));
            Assert.Equal(a.Keys, b.Keys);
            foreach (var sheet in a.Keys) Assert.Equal(a[sheet], b[sheet]);
        }
        Assert.Equal([44, 38, 82], Xlsx.Numbers(Xlsx.Read(_env.PathOf(Path.Combine("after", "2025Q2", "evb-sol-2025Q2.xlsx")))["Sammanställning"],
            "Totalt samtliga verksamheter"));
        Assert.Equal(File.ReadAllBytes(_env.PathOf(Path.Combine("before", "2025Q2", "sammanstallning-2025Q2.json"))),
            File.ReadAllBytes(_env.PathOf(Path.Combine("after", "2025Q2", "sammanstallning-2025Q2.json"))));
    }
}
