using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;
using StatsReporting.Records;

namespace StatsReporting.Tests.Import;

public class SnapshotTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private string Csv(string name, params string[] rows) => TestEnv.WriteRecords(_env.PathOf(name), rows);

    private const string Open1 = "S-1;19400101-T010;M;SoL;ÄO;Särskilt boende;;2025-01-10;;;;SAKNAS_PLATS;";
    private const string Open2 = "S-2;19400101-T020;K;SoL;ÄO;Särskilt boende;;2025-01-11;;;;SAKNAS_PLATS;";
    private const string Closed3 = "S-3;19400101-T030;M;SoL;ÄO;Kontaktperson;;2025-01-12;;2025-05-01;;MATCHNING;";
    private const string Lss4 = "S-4;19400101-T030;M;LSS;;9 § 4;;2025-01-12;;;;MATCHNING;";

    [Fact]
    public void An_open_decision_missing_from_the_next_snapshot_of_its_law_has_vanished()
    {
        _env.Importer().Import(Csv("q1.csv", Open1, Open2, Closed3, Lss4));
        var second = _env.Importer().Import(Csv("q2.csv", Open2));
        var vanished = Snapshots.Vanished(_env.Db, Lag.SoL);
        // S-1 was open and is gone; S-3 is gone too but was verkställt, so nothing is owed for it.
        Assert.Equal("S-1", Assert.Single(vanished).Decision.BeslutId);
        Assert.Equal(second.ImportId, vanished[0].CurrentImport);
        // The LSS decision's law has had no newer snapshot: it has not vanished.
        Assert.Empty(Snapshots.Vanished(_env.Db, Lag.LSS));
    }

    [Fact]
    public void A_single_snapshot_has_nothing_vanished()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        Assert.Empty(Snapshots.Vanished(_env.Db, Lag.SoL));
        Assert.Empty(Snapshots.Vanished(_env.Db, Lag.LSS));
    }
}
