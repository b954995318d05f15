using Dapper;
using StatsReporting.Bench;
using StatsReporting.Decisions;
using StatsReporting.Records;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Postgres;

/// 20 000 records of the synthetic municipality in two snapshots on SQLite, moved with `copy-to-postgres`: every
/// version with its id, the same workbooks from the latest records and from import 1, and a third snapshot imported
/// after the move gets import 3 on both.
public class CopySyntheticTests : IClassFixture<CopySyntheticTests.Run>
{
    public const int Records = 20_000;

    public sealed class Run : IDisposable
    {
        public CopyToPostgres Move { get; } = new();
        public CliResult Copy { get; }
        public Outputs[] Latest { get; }
        public Outputs[] FromFirst { get; }

        public Run()
        {
            for (var snapshot = 1; snapshot <= 2; snapshot++)
            {
                var file = Move.Sqlite.PathOf($"syntet-{snapshot}.csv");
                SyntheticMunicipality.Write(file, Records, snapshot);
                Move.Sqlite.Importer().Import(file);
            }
            Copy = Move.Copy();
            if (Copy.ExitCode != 0) throw new InvalidOperationException(Copy.Stderr);
            var q = new Period(2025, 2);
            Latest = Move.Both.Select(e => Outputs.Of(e, q, q.End, tag: "-2")).ToArray();
            FromFirst = Move.Both.Select(e => Outputs.Of(e, q, q.End, import: 1, tag: "-1")).ToArray();
        }

        public void Dispose() => Move.Dispose();
    }

    private readonly Run _run;
    public CopySyntheticTests(Run run) => _run = run;

    [Fact]
    public void Every_version_is_copied_with_its_id_and_the_counts_are_printed()
    {
        // 20 000 first versions and 200 changed in snapshot 2.
        Assert.Equal("20200 20200 lika", CopyToPostgres.Line(_run.Copy, "decision_versions"));
        Assert.Equal("2 2 lika", CopyToPostgres.Line(_run.Copy, "imports"));
        using var c = _run.Move.OpenTarget();
        Assert.Equal((1L, 20_200L, 200L), c.QuerySingle<(long, long, long)>("SELECT MIN(id), MAX(id), COUNT(*) FILTER (WHERE import_id = 2) FROM decision_versions"));
    }

    [Fact]
    public void The_latest_records_and_import_1_give_the_same_workbooks()
    {
        Outputs.AssertSame(_run.Latest[0], _run.Latest[1]);
        Assert.Equal(5, _run.Latest[1].Workbooks.Count());
        Outputs.AssertSame(_run.FromFirst[0], _run.FromFirst[1]);
        Assert.Equal(2, _run.FromFirst[1].Workbooks.Count());
        var records = _run.Move.Both.Select(e => (First: DecisionStore.Current(e.Db, 1), Latest: DecisionStore.Current(e.Db))).ToArray();
        Assert.Equal(records[0].First, records[1].First);
        Assert.Equal(records[0].Latest, records[1].Latest);
    }

    [Fact]
    public void A_snapshot_imported_after_the_move_is_import_3_with_the_same_counts_as_on_sqlite()
    {
        var file = _run.Move.Sqlite.PathOf("syntet-3.csv");
        // Ten more decisions than snapshot 2, the rest as it was.
        SyntheticMunicipality.Write(file, Records + 10, 2);
        var outcomes = _run.Move.Both.Select(e => e.Importer().Import(file)).ToArray();
        Assert.Equal(outcomes[0].Summary, outcomes[1].Summary);
        Assert.Equal((10, 0, Records), (outcomes[1].New, outcomes[1].Changed, outcomes[1].Unchanged));
        using var c = _run.Move.OpenTarget();
        Assert.Equal(3, c.ExecuteScalar<long>("SELECT MAX(id) FROM imports"));
        // The versions' identity went on after the copied 20 200.
        Assert.Equal(20_201, c.ExecuteScalar<long>("SELECT MIN(id) FROM decision_versions WHERE import_id = 3"));
    }
}
