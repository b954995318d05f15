using Dapper;
using StatsReporting.Decisions;
using StatsReporting.Import;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;
using StatsReporting.Records;

namespace StatsReporting.Tests.Import;

/// Snapshot membership as version spans (migration 0006): a snapshot that carries a decision unchanged writes nothing
/// for it, and every question the old per-import rows answered is answered the same from the spans.
public class SnapshotSpanTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private string Csv(string name, params string[] rows) => TestEnv.WriteRecords(_env.PathOf(name), rows);

    private const string S1 = "S-1;19400101-T010;M;SoL;ÄO;Särskilt boende;;2025-01-10;;;;SAKNAS_PLATS;";
    private const string S2 = "S-2;19400101-T020;K;SoL;ÄO;Särskilt boende;;2025-01-11;;;;SAKNAS_PLATS;";
    private const string L3 = "L-3;19400101-T030;M;LSS;;9 § 4;;2025-01-12;;;;MATCHNING;";

    private long Count(string sql, object? args = null)
    {
        using var c = _env.Db.Open();
        return c.ExecuteScalar<long>(sql, args);
    }

    [Fact]
    public void A_snapshot_that_carries_every_decision_unchanged_adds_no_rows()
    {
        var first = _env.Importer().Import(TestEnv.SampleCsv);
        // The same records in another order: another file (another SHA-256), the same snapshot.
        var lines = File.ReadAllLines(TestEnv.SampleCsv).Skip(1).Reverse().ToArray();
        var second = _env.Importer().Import(Csv("omvand.csv", lines));

        Assert.Equal((0, 0, 309), (second.New, second.Changed, second.Unchanged));
        Assert.Equal(309, Count("SELECT COUNT(*) FROM decision_versions"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM decision_versions WHERE gone_import IS NOT NULL"));
        Assert.Equal(309, Count("SELECT COUNT(*) FROM import_decisions WHERE import_id = @id", new { id = first.ImportId }));
        Assert.Equal(309, Count("SELECT COUNT(*) FROM import_decisions WHERE import_id = @id", new { id = second.ImportId }));
    }

    [Fact]
    public void A_decision_back_after_missing_one_snapshot_is_current_again_and_its_absence_stays_in_the_history()
    {
        var q1 = _env.Importer().Import(Csv("q1.csv", S1, S2, L3));
        var q2 = _env.Importer().Import(Csv("q2.csv", S2));
        var q3 = _env.Importer().Import(Csv("q3.csv", S1, S2));

        Assert.Equal((0, 0, 2), (q3.New, q3.Changed, q3.Unchanged));
        using var c = _env.Db.Open();
        Assert.Empty(Snapshots.Vanished(_env.Db, Lag.SoL));
        // As the records stood after q2, S-1 had vanished; that is not overwritten by its return.
        var then = Assert.Single(Snapshots.Vanished(_env.Db, Lag.SoL, q2.ImportId));
        Assert.Equal(("S-1", q1.ImportId, q2.ImportId), (then.Decision.BeslutId, then.LastSeenImport, then.CurrentImport));
        // Its return is a second version with the same content, so each version's span has no gap.
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM decision_versions WHERE beslut_id = 'S-1'"));
        Assert.Equal(["S-2"], c.Query<string>("SELECT beslut_id FROM import_decisions WHERE import_id = @id", new { id = q2.ImportId }));
        Assert.Equal(["S-1", "S-2"], c.Query<string>("SELECT beslut_id FROM import_decisions WHERE import_id = @id ORDER BY beslut_id", new { id = q3.ImportId }));
        // The LSS decision's law has had no snapshot since q1: it is in its law's snapshot still.
        Assert.Empty(Snapshots.Vanished(_env.Db, Lag.LSS));
        Assert.Equal(3, DecisionStore.Current(_env.Db, q2.ImportId).Count);
    }

    [Fact]
    public void A_changed_decision_ends_the_old_version_in_the_import_that_made_the_new_one()
    {
        var q1 = _env.Importer().Import(Csv("q1.csv", S1, S2));
        var q2 = _env.Importer().Import(Csv("q2.csv", S1.Replace(";;;;SAKNAS_PLATS;", ";;2025-05-02;;SAKNAS_PLATS;"), S2));

        Assert.Equal((0, 1, 1), (q2.New, q2.Changed, q2.Unchanged));
        using var c = _env.Db.Open();
        Assert.Equal([(1L, (long?)q2.ImportId), (2L, null)],
            c.Query<(long, long?)>("SELECT version, gone_import FROM decision_versions WHERE beslut_id = 'S-1' ORDER BY version"));
        Assert.Null(DecisionStore.Current(_env.Db, q1.ImportId).Single(d => d.BeslutId == "S-1").VerkstalltDatum);
        Assert.Equal(new DateOnly(2025, 5, 2), DecisionStore.Current(_env.Db).Single(d => d.BeslutId == "S-1").VerkstalltDatum);
    }

    [Fact]
    public void An_error_on_the_last_row_of_a_streamed_file_stores_none_of_the_rows_before_it()
    {
        var lines = File.ReadAllLines(TestEnv.SampleCsv).Skip(1).Append("X-1;19400101-T010;M;SoL;ÄO;Särskilt boende;;2025-13-01;;;;;").ToArray();
        var e = Assert.Throws<ImportFailedException>(() => _env.Importer().Import(Csv("fel-sist.csv", lines)));

        Assert.Equal((311, "beslutsdatum"), (Assert.Single(e.Errors).Row, Assert.Single(e.Errors).Column));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM imports"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM decision_versions"));
        Assert.False(Directory.Exists(_env.PathOf("archive")) && Directory.EnumerateFiles(_env.PathOf("archive")).Any());
    }
}
