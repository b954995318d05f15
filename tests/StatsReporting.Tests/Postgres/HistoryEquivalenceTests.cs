using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Ivo;

namespace StatsReporting.Tests.Postgres;

/// The four quarterly snapshots of IvoHistory, imported and reported quarter by quarter on SQLite and on Postgres;
/// then, after all four, each quarter re-made on Postgres from its own import (`report --import N`).
public class HistoryEquivalenceTests : IClassFixture<HistoryEquivalenceTests.Run>
{
    public sealed class Run : IDisposable
    {
        public Twin Twin { get; } = new();
        public List<Outputs[]> Quarters { get; } = [];
        public List<Outputs> RemadeOnPostgres { get; } = [];

        public Run()
        {
            for (var n = 1; n <= 4; n++)
            {
                foreach (var env in Twin.Both) IvoHistory.Import(env, n);
                var q = IvoHistory.Quarters[n - 1];
                Quarters.Add(Twin.Both.Select(e => Outputs.Of(e, q, q.End, tag: $"-{n}")).ToArray());
            }
            for (var n = 1; n <= 4; n++)
                RemadeOnPostgres.Add(Outputs.Of(Twin.Postgres, IvoHistory.Quarters[n - 1], IvoHistory.Quarters[n - 1].End, import: n, tag: $"-igen-{n}"));
        }

        public void Dispose() => Twin.Dispose();
    }

    private readonly Run _run;
    public HistoryEquivalenceTests(Run run) => _run = run;

    [Theory]
    [InlineData(1, 2, 0, 0)]
    [InlineData(2, 3, 2, 0)]
    [InlineData(3, 1, 3, 1)]
    [InlineData(4, 1, 1, 3)]
    public void Each_quarter_gives_the_same_workbooks_and_ivo_rows(int quarter, int ny, int kvarstar, int avslutande)
    {
        var (sqlite, postgres) = (_run.Quarters[quarter - 1][0], _run.Quarters[quarter - 1][1]);
        Outputs.AssertSame(sqlite, postgres);
        Assert.Equal(5, postgres.Workbooks.Count());
        Assert.Equal((ny, kvarstar, avslutande), (postgres.Ivo!.Count(Rapporttyp.Ny), postgres.Ivo.Count(Rapporttyp.Kvarstar), postgres.Ivo.Count(Rapporttyp.Avslutande)));
        Assert.Equal(ny + kvarstar + avslutande, postgres.IvoRows.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void An_old_quarter_is_remade_on_postgres_exactly_from_its_import(int quarter)
    {
        // The KF workbooks as written right after that quarter's import, against the same quarter re-made from import
        // N after all four imports: H-1 and H-3 changed since, and their old versions are what the report reads.
        var then = _run.Quarters[quarter - 1][1].Cells.Where(c => c.StartsWith("evb-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, then.Select(c => c[..c.IndexOf(" | ", StringComparison.Ordinal)]).Distinct().Count());
        Assert.Equal(then, _run.RemadeOnPostgres[quarter - 1].Cells);
    }
}
