using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Ivo;

public class IvoRulesTests
{
    // First late 2025-05-05 (2025Q2), open at the end of Q2, closed because the person died in Q3.
    private static readonly Decision Avliden = new()
    {
        BeslutId = "A-1", PersonId = "19290107-T676", Kon = Kon.M, Lag = Lag.SoL, Verksamhet = "ÄO", Insats = "Särskilt boende",
        Beslutsdatum = new DateOnly(2025, 2, 4), AvslutatDatum = new DateOnly(2025, 8, 10), Orsak = "AVLIDIT", Kommentar = "Erbjuden plats i juli",
    };

    [Fact]
    public void A_closing_reason_is_not_given_for_a_quarter_in_which_the_case_was_still_open()
    {
        var q2 = IvoRules.Row(Avliden, Period.Parse("2025Q2"), Rapporttyp.Ny, TestEnv.Catalog, Avliden.PersonId);
        Assert.Equal(("", "Orsak saknas i underlaget. Erbjuden plats i juli", null), (q2.Orsak, q2.Fritext, q2.AvslutatDatum));

        var q3 = IvoRules.Row(Avliden, Period.Parse("2025Q3"), Rapporttyp.Avslutande, TestEnv.Catalog, Avliden.PersonId);
        Assert.Equal(("Den enskilde har avlidit", "Avslutsorsak: den enskilde har avlidit. Erbjuden plats i juli", new DateOnly(2025, 8, 10)),
            (q3.Orsak, q3.Fritext, q3.AvslutatDatum));
    }
}
