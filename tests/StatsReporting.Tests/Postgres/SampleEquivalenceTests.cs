using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Postgres;

/// samples/beslut.csv on SQLite and on Postgres: the same import, the same workbooks cell for cell, the same IVO rows.
/// Then the same file with five open decisions left out: the same five vanished cases on both.
public class SampleEquivalenceTests : IClassFixture<SampleEquivalenceTests.Run>
{
    public sealed class Run : IDisposable
    {
        public Twin Twin { get; } = new();
        public List<global::StatsReporting.Import.ImportOutcome[]> Imports { get; } = [];
        public Outputs[] First { get; }
        public Outputs[] AfterVanishing { get; }
        public string[] Left { get; }
        public List<global::StatsReporting.Checks.TableImportOutcome> Tables { get; } = [];

        public Run()
        {
            var q = new Period(2025, 2);
            Imports.Add(Twin.Both.Select(e => e.Importer().Import(TestEnv.SampleCsv)).ToArray());
            // The published tables of the quarter, stored as history: their disagreements are findings of the report.
            foreach (var env in Twin.Both)
                foreach (var (file, lag) in new[] { ("sol-2025Q2-tabell.csv", Lag.SoL), ("lss-2025Q2-tabell.csv", Lag.LSS) })
                    Tables.Add(global::StatsReporting.Checks.PublishedTableStore.Import(env.Db, Path.Combine(AppContext.BaseDirectory, "Fixtures", "published", file), lag, q, env.Clock));
            First = Twin.Both.Select(e => Outputs.Of(e, q, q.End, tag: "-1")).ToArray();
            // The next snapshot misses five decisions that are neither verkställda nor avslutade.
            var lines = File.ReadAllLines(TestEnv.SampleCsv);
            var open = lines.Skip(1).Where(l => l.Split(';') is var f && f[9] == "" && f[10] == "").Take(5).ToArray();
            Left = open.Select(l => l.Split(';')[0]).ToArray();
            var next = Twin.Sqlite.PathOf("beslut-utan-fem.csv");
            File.WriteAllLines(next, lines.Except(open), new System.Text.UTF8Encoding(true));
            Twin.Sqlite.Clock.Now = Twin.Postgres.Clock.Now = Twin.Sqlite.Clock.Now.AddDays(1);
            Imports.Add(Twin.Both.Select(e => e.Importer().Import(next)).ToArray());
            AfterVanishing = Twin.Both.Select(e => Outputs.Of(e, q, q.End, tag: "-2")).ToArray();
        }

        public void Dispose() => Twin.Dispose();
    }

    private readonly Run _run;
    public SampleEquivalenceTests(Run run) => _run = run;

    [Fact]
    public void The_import_counts_are_the_same()
    {
        foreach (var pair in _run.Imports) Assert.Equal(pair[0].Summary, pair[1].Summary);
        Assert.Equal((309, 309), (_run.Imports[0][0].New, _run.Imports[0][1].New));
        Assert.Equal((0, 0, 304), (_run.Imports[1][1].New, _run.Imports[1][1].Changed, _run.Imports[1][1].Unchanged));
    }

    [Fact]
    public void The_stored_published_tables_and_their_findings_are_the_same()
    {
        // sol's table has six findings (SeedPublishedTablesTests), lss's none; ids 1 and 2 on both.
        Assert.Equal(["1 6", "2 0", "1 6", "2 0"], _run.Tables.Select(t => $"{t.Id} {t.Findings.Count}"));
        // Read back: every label, value and stored finding the same on both.
        var stored = _run.Twin.Both.Select(e =>
        {
            using var c = e.Db.Open();
            return new[] { Lag.SoL, Lag.LSS }.SelectMany(lag => global::StatsReporting.Checks.PublishedTableStore.Latest(c, lag)).SelectMany(t =>
                t.Table.Rows.Select(r => $"{t.Lag} {t.Period} {r.Label}: {string.Join(";", r.Values)}")
                    .Concat(t.Findings.Select(f => $"{t.Lag} {f.Row} {f.Column} {f.Printed} {f.Computed} {f.RootCause}"))).ToList();
        }).ToArray();
        Assert.Equal(stored[0], stored[1]);
        Assert.Contains("SoL Total IFO Summa total 17 7 ", stored[1]);
    }

    [Fact]
    public void Every_cell_of_every_workbook_and_every_ivo_row_is_the_same()
    {
        Outputs.AssertSame(_run.First[0], _run.First[1]);
        // evb-sol, evb-lss, the IVO individrapport, the särskild avgift list and the bevakningslista.
        Assert.Equal(5, _run.First[1].Workbooks.Count());
        Assert.Equal(133, _run.First[1].IvoRows.Count);
        Assert.Equal((58, 75, 0), (_run.First[1].Ivo!.Count(Rapporttyp.Ny), _run.First[1].Ivo!.Count(Rapporttyp.Kvarstar), _run.First[1].Ivo!.Count(Rapporttyp.Avslutande)));
    }

    [Fact]
    public void The_five_decisions_missing_from_the_next_snapshot_are_found_vanished_on_both()
    {
        Outputs.AssertSame(_run.AfterVanishing[0], _run.AfterVanishing[1]);
        Assert.Equal(_run.Left.Order(StringComparer.Ordinal), _run.AfterVanishing[1].Ivo!.Forsvunna.Select(f => f.Vanished.Decision.BeslutId));
    }
}
