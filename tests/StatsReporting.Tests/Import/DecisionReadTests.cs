using StatsReporting.Decisions;
using StatsReporting.Storage;
using StatsReporting.Tests.Support;
using StatsReporting.Records;

namespace StatsReporting.Tests.Import;

/// DecisionStore.Current reads the stored versions straight from SQLite's statement (Storage/DecisionRows) and puts
/// them in beslut_id order, merging the ascending runs a scan gives (issue 13): every column comes back as imported.
public class DecisionReadTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private string Csv(string name, params string[] rows) => TestEnv.WriteRecords(_env.PathOf(name), rows);

    [Fact]
    public void Every_column_comes_back_as_imported_and_nulls_stay_null()
    {
        _env.Importer().Import(Csv("a.csv",
            "S-1;19400101-T010;M;SoL;ÄO;Särskilt boende;Hemtjänst Norr;2025-01-10;2025-02-01;2025-06-16;;SAKNAS_PLATS;en kommentar",
            "L-2;19400101-T020;K;LSS;;9 § 4;;2025-01-11;;;2025-05-05;;"));
        var all = DecisionStore.Current(_env.Db);
        Assert.Equal(["L-2", "S-1"], all.Select(d => d.BeslutId));
        var (l, s) = (all[0], all[1]);
        Assert.Equal(("19400101-T010", Kon.M, Lag.SoL, "ÄO", "Särskilt boende", "Hemtjänst Norr"), (s.PersonId, s.Kon, s.Lag, s.Verksamhet, s.Insats, s.Enhet));
        Assert.Equal((new DateOnly(2025, 1, 10), new DateOnly(2025, 2, 1), new DateOnly(2025, 6, 16), (DateOnly?)null),
            (s.Beslutsdatum, s.Avbrottsdatum, s.VerkstalltDatum, s.AvslutatDatum));
        Assert.Equal(("SAKNAS_PLATS", "en kommentar"), (s.Orsak, s.Kommentar));
        Assert.Equal((Kon.K, Lag.LSS, (string?)null, "9 § 4", (string?)null), (l.Kon, l.Lag, l.Verksamhet, l.Insats, l.Enhet));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null, new DateOnly(2025, 5, 5)), (l.Avbrottsdatum, l.VerkstalltDatum, l.AvslutatDatum));
        Assert.Equal(((string?)null, (string?)null, (DateOnly?)null), (l.Orsak, l.Kommentar, l.Fodelsedatum));
    }

    [Fact]
    public void Versions_made_by_later_imports_are_merged_into_beslut_id_order()
    {
        // Stored in file order: S-2, S-4, S-6 by the first import; the second changes S-2 and adds S-3 and S-5, whose
        // rows come after the first import's: three ascending runs in the scan.
        string Row(string id, string day) => $"{id};19400101-T010;M;SoL;ÄO;Särskilt boende;;2025-01-{day};;;;SAKNAS_PLATS;";
        _env.Importer().Import(Csv("a.csv", Row("S-2", "10"), Row("S-4", "10"), Row("S-6", "10")));
        _env.Importer().Import(Csv("b.csv", Row("S-2", "12"), Row("S-3", "10"), Row("S-4", "10"), Row("S-5", "10"), Row("S-6", "10")));
        _env.Importer().Import(Csv("c.csv", Row("S-1", "10"), Row("S-2", "12"), Row("S-3", "10"), Row("S-4", "10"), Row("S-5", "10"), Row("S-6", "10")));
        var all = DecisionStore.Current(_env.Db);
        Assert.Equal(["S-1", "S-2", "S-3", "S-4", "S-5", "S-6"], all.Select(d => d.BeslutId));
        Assert.Equal(12, all[1].Beslutsdatum.Day);
        // As the records stood after the first import: its three decisions, S-2 in its first version.
        var first = DecisionStore.Current(_env.Db, upToImport: 1);
        Assert.Equal(["S-2", "S-4", "S-6"], first.Select(d => d.BeslutId));
        Assert.Equal(10, first[0].Beslutsdatum.Day);
    }
}
