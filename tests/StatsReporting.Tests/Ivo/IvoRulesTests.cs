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

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Decision Make(string id, string beslut, string? verkstallt = null, string? avslutat = null, string person = "19400101-T010",
        Lag lag = Lag.SoL, string? verksamhet = "ÄO", string insats = "Särskilt boende", string? orsak = null, string? kommentar = null) => new()
    {
        BeslutId = id, PersonId = person, Kon = Kon.M, Lag = lag, Verksamhet = lag == Lag.SoL ? verksamhet : null, Insats = insats,
        Beslutsdatum = D(beslut), VerkstalltDatum = verkstallt is null ? null : D(verkstallt), AvslutatDatum = avslutat is null ? null : D(avslutat),
        Orsak = orsak, Kommentar = kommentar,
    };

    private static readonly Period Q2 = new(2025, 2);

    [Theory]
    [InlineData("2025-01-15", null, "ny")]                // first late 2025-04-16, open
    [InlineData("2025-01-15", "2025-05-01", "ny")]        // first late and done within 2025Q2: still new to IVO
    [InlineData("2024-12-01", null, "kvarstår")]          // first late 2025-03-02, open
    [InlineData("2024-12-01", "2025-07-01", "kvarstår")]  // done the day after the quarter: open when it ended
    [InlineData("2024-12-01", "2025-06-30", "avslutande")] // done on the quarter's last day
    [InlineData("2024-12-01", "2025-03-31", null)]        // done in 2025Q1: reported then, not now
    [InlineData("2025-02-01", "2025-05-01", null)]        // done on its deadline: never reportable
    public void Rapporttyp_is_ny_in_the_first_late_quarter_then_kvarstar_until_the_quarter_it_is_done(string beslut, string? verkstallt, string? expected)
    {
        var type = IvoRules.Classify(Make("X", beslut, verkstallt), Q2);
        Assert.Equal(expected, type is { } t ? IvoRules.Text(t) : null);
    }

    [Fact]
    public void A_row_shows_only_the_done_dates_within_its_quarter()
    {
        var onLastDay = IvoRules.Row(Make("V", "2024-12-01", verkstallt: "2025-06-30"), Q2, Rapporttyp.Avslutande, TestEnv.Catalog, "c");
        var closedOnLastDay = IvoRules.Row(Make("A", "2024-12-01", avslutat: "2025-06-30"), Q2, Rapporttyp.Avslutande, TestEnv.Catalog, "c");
        var later = IvoRules.Row(Make("L", "2024-12-01", verkstallt: "2025-07-01"), Q2, Rapporttyp.Kvarstar, TestEnv.Catalog, "c");
        var closedLater = IvoRules.Row(Make("C", "2024-12-01", avslutat: "2025-07-01"), Q2, Rapporttyp.Kvarstar, TestEnv.Catalog, "c");
        Assert.Equal((D("2025-06-30"), (DateOnly?)null), (onLastDay.VerkstalltDatum, onLastDay.AvslutatDatum));
        Assert.Equal(((DateOnly?)null, D("2025-06-30")), (closedOnLastDay.VerkstalltDatum, closedOnLastDay.AvslutatDatum));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (later.VerkstalltDatum, later.AvslutatDatum));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (closedLater.VerkstalltDatum, closedLater.AvslutatDatum));
    }

    [Fact]
    public void Rows_come_as_ny_then_kvarstar_then_avslutande_each_by_law_person_code_beslutsdatum_and_beslut_id()
    {
        var all = new[]
        {
            Make("V-1", "2024-12-01", verkstallt: "2025-05-10", person: "19400101-T010"),
            Make("K-1", "2024-12-01", person: "19400101-T010"),
            Make("L-1", "2025-01-20", lag: Lag.LSS, insats: "9 § 4", person: "19300101-T010"),
            Make("N-0", "2025-01-05", person: "19500101-T010"),
            Make("N-2", "2025-01-15", person: "19400101-T010"),
            Make("N-1", "2025-01-15", person: "19400101-T010"),
            Make("N-3", "2025-01-10", person: "19400101-T010"),
            Make("X-1", "2025-01-10", verkstallt: "2025-04-01"),   // done before its first late day: not reportable
        };
        var rows = IvoRules.Rows(all, Q2, TestEnv.Catalog, d => d.PersonId);
        Assert.Equal(["N-3 ny", "N-1 ny", "N-2 ny", "N-0 ny", "L-1 ny", "K-1 kvarstår", "V-1 avslutande"],
            rows.Select(r => $"{r.BeslutId} {IvoRules.Text(r.Rapporttyp)}"));
    }

    [Fact]
    public void Insats_is_named_by_verksamhet_for_SoL_and_by_the_point_of_9_paragraph_for_LSS()
    {
        Assert.Equal("Äldreomsorg: Särskilt boende", IvoRules.InsatsName(Make("S", "2025-01-01"), TestEnv.Catalog));
        Assert.Equal("Individ- och familjeomsorg: Bostad", IvoRules.InsatsName(Make("B", "2025-01-01", verksamhet: "IFO", insats: "Bostad"), TestEnv.Catalog));
        Assert.Equal("9 § 4 Biträde av kontaktperson", IvoRules.InsatsName(Make("L", "2025-01-01", lag: Lag.LSS, insats: "9 § 4"), TestEnv.Catalog));
        // A verksamhet the catalog has no name for is printed by its code.
        Assert.Equal("XY: Bostad", IvoRules.InsatsName(Make("U", "2025-01-01", verksamhet: "XY", insats: "Bostad"), TestEnv.Catalog));
    }

    [Theory]
    [InlineData("SAKNAS_PLATS", null, "Det saknas plats (kö, sanering/renovering/ombyggnation)", "Orsak till dröjsmålet: det saknas plats (kö, sanering/renovering/ombyggnation).")]
    [InlineData("väntar på ny bedömning.", "Ringd 12/5", "Väntar på ny bedömning.", "Orsak till dröjsmålet: väntar på ny bedömning. Ringd 12/5")]
    [InlineData(null, null, "", "Orsak saknas i underlaget.")]
    public void Orsak_and_free_text_give_the_catalog_label_or_the_text_as_written_and_the_kommentar(string? orsak, string? kommentar, string text, string fritext)
    {
        var row = IvoRules.Row(Make("S", "2024-12-01", orsak: orsak, kommentar: kommentar), Q2, Rapporttyp.Kvarstar, TestEnv.Catalog, "c");
        Assert.Equal((text, fritext), (row.Orsak, row.Fritext));
    }

    [Fact]
    public void An_empty_orsak_gives_an_empty_orsak_column() =>
        Assert.Equal("", IvoRules.OrsakText(Make("S", "2024-12-01", orsak: ""), TestEnv.Catalog, Q2.End));

    [Fact]
    public void A_case_open_at_the_end_of_last_quarter_must_be_in_this_quarters_rows_but_not_as_ny()
    {
        var open = Make("K-1", "2024-12-01");                                  // reported in 2025Q1, still open
        var doneInQ1 = Make("D-1", "2024-12-01", verkstallt: "2025-03-31");    // reported in 2025Q1 and done then
        var notYet = Make("N-1", "2025-01-15");                                // first reported in 2025Q2
        IvoRules.AssertNothingDropped([open, doneInQ1, notYet], Q2, IvoRules.Rows([open, doneInQ1, notYet], Q2, TestEnv.Catalog, d => d.PersonId));

        var asNy = IvoRules.Row(open, Q2, Rapporttyp.Ny, TestEnv.Catalog, "c");
        var e = Assert.Throws<InvalidOperationException>(() => IvoRules.AssertNothingDropped([open, doneInQ1, notYet], Q2, [asNy]));
        Assert.Equal("Internt fel: beslut som var öppna och rapporterade 2025Q1 saknas i individrapporten för 2025Q2: K-1.", e.Message);
        var alsoOpen = Make("K-2", "2024-11-20");
        var both = Assert.Throws<InvalidOperationException>(() => IvoRules.AssertNothingDropped([open, alsoOpen], Q2, []));
        Assert.EndsWith("för 2025Q2: K-1, K-2.", both.Message);
    }
}
