using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Records;

namespace StatsReporting.Tests.Import;

/// Migration 0006 turns the per-import rows (import_decisions) of a database made before it into version spans and
/// answers the same questions from them.
public class SpanMigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("statsreporting-test-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Existing_snapshots_keep_their_members_their_vanished_decision_and_their_versions()
    {
        var db = new Db(Path.Combine(_dir, "old.db"));
        using (var c = db.Open())
        {
            // The schema as it stood before 0006, marked applied, so that Migrate runs 0006 and later only.
            c.Execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
            foreach (var (name, sql) in Migrations.Scripts(DbProvider.Sqlite).Where(s => string.CompareOrdinal(s.Name, "0006") < 0))
            {
                c.Execute(sql);
                c.Execute("INSERT INTO schema_migrations VALUES (@name, '2025-01-01')", new { name });
            }
            c.Execute("""
                INSERT INTO imports VALUES (1, 'q1.csv', 'a', 'x', '2025-04-01', 3, 'SoL'), (2, 'q2.csv', 'b', 'x', '2025-07-01', 2, 'SoL'),
                                           (3, 'q3.csv', 'c', 'x', '2025-10-01', 3, 'LSS,SoL');
                INSERT INTO decision_versions (id, beslut_id, version, import_id, person_id, kon, lag, verksamhet, insats, beslutsdatum, orsak) VALUES
                    (1, 'A', 1, 1, '19400101-T010', 'M', 'SoL', 'ÄO', 'Särskilt boende', '2025-01-10', 'SAKNAS_PLATS'),
                    (2, 'B', 1, 1, '19400101-T020', 'K', 'SoL', 'ÄO', 'Särskilt boende', '2025-01-11', 'SAKNAS_PLATS'),
                    (3, 'B', 2, 2, '19400101-T020', 'K', 'SoL', 'ÄO', 'Särskilt boende', '2025-01-11', 'MATCHNING'),
                    (4, 'C', 1, 1, '19400101-T030', 'M', 'SoL', 'ÄO', 'Kontaktperson', '2025-01-12', 'SAKNAS_PLATS'),
                    (5, 'L', 1, 3, '19400101-T050', 'M', 'LSS', NULL, '9 § 4', '2025-01-12', 'MATCHNING');
                INSERT INTO import_decisions VALUES (1, 'A', 1), (2, 'A', 1), (3, 'A', 1), (1, 'B', 2), (2, 'B', 3), (3, 'B', 3),
                                                    (1, 'C', 4), (3, 'L', 5);
                """);
        }
        db.Migrate();

        using var m = db.Open();
        Assert.Equal([(1L, (long?)null), (2L, 2L), (3L, null), (4L, 2L), (5L, null)],
            m.Query<(long, long?)>("SELECT id, gone_import FROM decision_versions ORDER BY id"));
        // The view gives back exactly the rows the table held.
        Assert.Equal(["1 A 1", "1 B 2", "1 C 4", "2 A 1", "2 B 3", "3 A 1", "3 B 3", "3 L 5"],
            m.Query<string>("SELECT import_id || ' ' || beslut_id || ' ' || version_id FROM import_decisions ORDER BY import_id, beslut_id"));
        var vanished = Assert.Single(Snapshots.Vanished(db, Lag.SoL));
        Assert.Equal(("C", 1L, 3L), (vanished.Decision.BeslutId, vanished.LastSeenImport, vanished.CurrentImport));
        Assert.Empty(Snapshots.Vanished(db, Lag.SoL, upTo: 1));
        Assert.Equal("SAKNAS_PLATS", DecisionStore.Current(db, 1).Single(d => d.BeslutId == "B").Orsak);
        Assert.Equal("MATCHNING", DecisionStore.Current(db).Single(d => d.BeslutId == "B").Orsak);
        Assert.Equal(["A", "B", "C"], DecisionStore.Current(db, 2).Select(d => d.BeslutId));
    }
}
