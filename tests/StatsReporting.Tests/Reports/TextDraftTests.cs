using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports;

/// The ärende text cites the law in force on the decisions' dates: SoL 2025:400 from 2025-07-01 (spec §1).
public class TextDraftTests
{
    private static Decision Sol(string id, string beslut) => new()
    {
        BeslutId = id, PersonId = "p-" + id, Kon = Kon.K, Lag = Lag.SoL, Verksamhet = "ÄO", Insats = "Särskilt boende",
        Beslutsdatum = DateOnly.Parse(beslut, System.Globalization.CultureInfo.InvariantCulture), Orsak = "SAKNAS_PLATS",
    };

    private static string Text(params Decision[] ds)
    {
        var q = new Period(2025, 4);
        return string.Join("\n", new KfAggregation(TestEnv.Catalog, TestEnv.Report).Build(ds, ds[0].Lag, q, q.End).Text);
    }

    [Fact]
    public void Decisions_before_july_2025_cite_the_old_SoL()
    {
        var text = Text(Sol("A", "2025-06-30"));
        Assert.Contains("rapporterar 1 gynnande beslut enligt 4 kap. 1 § socialtjänstlagen (2001:453) som", text);
        Assert.Contains("enligt 16 kap. 6 h § socialtjänstlagen (2001:453); varje beslut rapporteras även till IVO enligt 16 kap. 6 f §", text);
    }

    [Fact]
    public void Decisions_from_july_2025_cite_the_new_SoL()
    {
        var text = Text(Sol("B", "2025-07-01"));
        Assert.Contains("enligt 11 kap. 1 § och 12 kap. 1 § socialtjänstlagen (2025:400) som", text);
        Assert.Contains("enligt 34 kap. 3 § socialtjänstlagen (2025:400); varje beslut rapporteras även till IVO enligt 34 kap. 1 §", text);
    }

    [Fact]
    public void A_quarter_with_both_cites_both_laws_and_says_which_dates_each_covers()
    {
        var text = Text(Sol("A", "2025-06-30"), Sol("B", "2025-07-01"));
        Assert.Contains("rapporterar 2 gynnande beslut enligt 4 kap. 1 § socialtjänstlagen (2001:453) (beslut före den 1 juli 2025) "
            + "respektive 11 kap. 1 § och 12 kap. 1 § socialtjänstlagen (2025:400) (beslut från den 1 juli 2025)", text);
    }

    [Fact]
    public void LSS_cites_9_and_28_h_and_f()
    {
        var lss = Sol("C", "2025-07-01") with { Lag = Lag.LSS, Verksamhet = null, Insats = "9 § 4" };
        var text = Text(lss);
        Assert.Contains("enligt 9 § LSS som", text);
        Assert.Contains("enligt 28 h § LSS; varje beslut rapporteras även till IVO enligt 28 f § LSS.", text);
    }
}
