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

    /// The law is written out with its SFS number once, at its first mention; the short form after it.
    [Fact]
    public void Decisions_before_july_2025_cite_the_old_SoL_written_out_once()
    {
        var text = Text(Sol("A", "2025-06-30"));
        Assert.Contains("Enligt 16 kap. 6 h § socialtjänstlagen (2001:453), SoL, ska nämnden", text);
        Assert.Contains("rapporterar ett gynnande beslut om bistånd enligt 4 kap. 1 § SoL som", text);
        Assert.Contains("enligt 16 kap. 6 h § SoL. Varje beslut rapporteras även till Inspektionen för vård och omsorg (IVO) och till kommunens "
            + "revisorer enligt 16 kap. 6 f § SoL.", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, @"\(2001:453\)"));
    }

    [Fact]
    public void Decisions_from_july_2025_cite_the_new_SoL()
    {
        var text = Text(Sol("B", "2025-07-01"));
        Assert.Contains("Enligt 34 kap. 3 § socialtjänstlagen (2025:400), SoL, ska", text);
        Assert.Contains("om bistånd enligt 11 kap. 1 § och 12 kap. 1 § SoL som", text);
        Assert.Contains("och till kommunens revisorer enligt 34 kap. 1 § SoL.", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, @"\(2025:400\)"));
    }

    [Fact]
    public void A_quarter_with_both_cites_both_laws_and_says_which_dates_each_covers()
    {
        var text = Text(Sol("A", "2025-06-30"), Sol("B", "2025-07-01"));
        Assert.Contains("Enligt 16 kap. 6 h § socialtjänstlagen (2001:453), äldre SoL, för beslut före den 1 juli 2025 och 34 kap. 3 § "
            + "socialtjänstlagen (2025:400), nya SoL, för beslut från den 1 juli 2025 ska nämnden", text);
        Assert.Contains("rapporterar 2 gynnande beslut om bistånd enligt 4 kap. 1 § äldre SoL respektive 11 kap. 1 § och 12 kap. 1 § nya SoL", text);
    }

    [Fact]
    public void LSS_cites_9_and_28_h_and_f()
    {
        var lss = Sol("C", "2025-07-01") with { Lag = Lag.LSS, Verksamhet = null, Insats = "9 § 4" };
        var text = Text(lss);
        Assert.Contains("Enligt 28 h § lagen (1993:387) om stöd och service till vissa funktionshindrade, LSS, ska nämnden", text);
        Assert.Contains("om insatser enligt 9 § LSS som", text);
        Assert.Contains("enligt 28 h § LSS. Varje beslut rapporteras även till Inspektionen för vård och omsorg (IVO) och till kommunens revisorer enligt 28 f § LSS.", text);
    }
}
