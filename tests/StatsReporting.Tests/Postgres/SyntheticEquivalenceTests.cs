using StatsReporting.Bench;
using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Records;

namespace StatsReporting.Tests.Postgres;

/// 20 000 records of the benchmark's synthetic municipality, then its second snapshot (every hundredth record
/// changed), on SQLite and on Postgres: the same import counts and the same workbooks, cell for cell.
public class SyntheticEquivalenceTests : IClassFixture<SyntheticEquivalenceTests.Run>
{
    public const int Records = 20_000;

    public sealed class Run : IDisposable
    {
        public Twin Twin { get; } = new();
        public List<global::StatsReporting.Import.ImportOutcome[]> Imports { get; } = [];
        public Outputs[] Latest { get; }
        public Outputs[] FromFirst { get; }

        public Run()
        {
            for (var snapshot = 1; snapshot <= 2; snapshot++)
            {
                var file = Twin.Sqlite.PathOf($"syntet-{snapshot}.csv");
                SyntheticMunicipality.Write(file, Records, snapshot);
                Imports.Add(Twin.Both.Select(e => e.Importer().Import(file)).ToArray());
            }
            var q = new Period(2025, 2);
            Latest = Twin.Both.Select(e => Outputs.Of(e, q, q.End, tag: "-2")).ToArray();
            FromFirst = Twin.Both.Select(e => Outputs.Of(e, q, q.End, import: 1, tag: "-1")).ToArray();
        }

        public void Dispose() => Twin.Dispose();
    }

    private readonly Run _run;
    public SyntheticEquivalenceTests(Run run) => _run = run;

    [Fact]
    public void Both_snapshots_import_with_the_same_counts()
    {
        Assert.Equal((Records, 0, 0), (_run.Imports[0][1].New, _run.Imports[0][1].Changed, _run.Imports[0][1].Unchanged));
        // Snapshot 2 changes records 0, 100, 200, …: 200 of 20 000.
        Assert.Equal((0, 200, 19_800), (_run.Imports[1][1].New, _run.Imports[1][1].Changed, _run.Imports[1][1].Unchanged));
        foreach (var pair in _run.Imports) Assert.Equal(pair[0].Summary, pair[1].Summary);
    }

    [Fact]
    public void The_latest_records_give_the_same_workbooks_and_ivo_rows()
    {
        Outputs.AssertSame(_run.Latest[0], _run.Latest[1]);
        Assert.Equal(5, _run.Latest[1].Workbooks.Count());
        Assert.True(_run.Latest[1].IvoRows.Count > 100, $"{_run.Latest[1].IvoRows.Count} IVO rows");
    }

    [Fact]
    public void The_first_snapshot_remade_with_import_1_is_the_same_on_both()
    {
        Outputs.AssertSame(_run.FromFirst[0], _run.FromFirst[1]);
        Assert.Equal(2, _run.FromFirst[1].Workbooks.Count());
        // The records behind it are import 1's: every changed decision in its first version, on both.
        var records = _run.Twin.Both.Select(e => (First: DecisionStore.Current(e.Db, 1), Latest: DecisionStore.Current(e.Db))).ToArray();
        Assert.Equal(records[0].First, records[1].First);
        Assert.Equal(records[0].Latest, records[1].Latest);
        Assert.Equal(Records, records[1].First.Count);
        Assert.Equal(200, records[1].First.Zip(records[1].Latest).Count(p => p.First != p.Second));
    }
}
