using StatsReporting.Decisions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Decisions;

/// The catalogs of spec §4 from appsettings.json, and the spellings of exports they resolve. Each test builds its own
/// Catalog from the settings, so that what the constructor does is what is tested.
public class CatalogTests
{
    private static Catalog New() => new(TestEnv.Settings.Get<CatalogSettings>());

    [Fact]
    public void Sol_rows_are_labelled_insats_and_verksamhet_in_KF_order()
    {
        var c = New();
        Assert.Equal(18, c.SolRows.Count);
        Assert.Equal(["Särskilt boende, ÄO", "Korttidsboende, ÄO"], c.SolRows.Take(2).Select(r => r.Label));
        Assert.Equal(new CatalogRow(Lag.SoL, "IFO", "Externt skyddat boende", "Externt skyddat boende, IFO"), c.SolRows[^1]);
        Assert.Equal(["ÄO", "OF", "IFO"], c.Verksamheter);
        Assert.Equal("Omsorg om personer med funktionsnedsättning enligt SoL", c.VerksamhetNames["OF"]);
    }

    [Fact]
    public void Lss_rows_are_the_ten_points_of_9_paragraph()
    {
        var c = New();
        Assert.Equal(10, c.LssRows.Count);
        Assert.Equal(new CatalogRow(Lag.LSS, null, "9 § 1", "9 § 1 Rådgivning och annat personligt stöd"), c.LssRows[0]);
        Assert.Equal(new CatalogRow(Lag.LSS, null, "9 § 10", "9 § 10 Daglig verksamhet"), c.LssRows[9]);
        Assert.Same(c.SolRows, c.Rows(Lag.SoL));
        Assert.Same(c.LssRows, c.Rows(Lag.LSS));
    }

    [Theory]
    [InlineData("9 § 4")]
    [InlineData("9.4")]
    [InlineData("9:4")]
    [InlineData("9 § p. 4")]
    [InlineData("9 § punkt 4")]
    [InlineData("Biträde av kontaktperson")]
    [InlineData("9 § 4 Biträde av kontaktperson")]
    [InlineData("9.4 Biträde av kontaktperson")]
    public void An_lss_insats_resolves_from_every_spelling_of_its_point_whatever_the_verksamhet_column_says(string text)
    {
        var c = New();
        Assert.Equal("9 § 4", c.ResolveInsats(Lag.LSS, null, text)?.Insats);
        Assert.Equal("9 § 4", c.ResolveInsats(Lag.LSS, "ÄO", text)?.Insats);
    }

    [Theory]
    [InlineData("ÄO", "Särskilt boende", "Särskilt boende, ÄO")]
    [InlineData("ÄO", "särskilt boende, äo", "Särskilt boende, ÄO")]
    [InlineData("ÄO", "SÄBO", "Särskilt boende, ÄO")]
    [InlineData("OF", "Sysselsättning", "Dagverksamhet/sysselsättning, OF")]
    [InlineData("IFO", "Öppen vården", "Öppenvård, IFO")]
    [InlineData("IFO", "Kontaktperson", "Kontaktperson, IFO")]
    public void A_sol_insats_resolves_by_name_label_or_alias_within_its_verksamhet(string verksamhet, string text, string label) =>
        Assert.Equal(label, New().ResolveInsats(Lag.SoL, verksamhet, text)?.Label);

    [Theory]
    [InlineData(Lag.SoL, "ÄO", "")]
    [InlineData(Lag.SoL, "ÄO", "Boendestöd")]   // an OF insats
    [InlineData(Lag.LSS, null, "")]
    [InlineData(Lag.LSS, null, "9 § 11")]
    public void An_empty_or_unknown_insats_resolves_to_nothing(Lag lag, string? verksamhet, string text) =>
        Assert.Null(New().ResolveInsats(lag, verksamhet, text));

    [Theory]
    [InlineData("ÄO", "ÄO")]
    [InlineData("äldre", "ÄO")]
    [InlineData("Äldreomsorg", "ÄO")]
    [InlineData("FUNK", "OF")]
    [InlineData("Individ och familjeomsorg", "IFO")]
    [InlineData("Individ- och familjeomsorg", "IFO")]
    [InlineData("Hemsjukvård", null)]
    public void A_verksamhet_resolves_from_its_code_name_or_alias(string text, string? code) => Assert.Equal(code, New().ResolveVerksamhet(text));

    [Fact]
    public void A_stored_decision_finds_its_row_and_an_unknown_insats_is_an_error_naming_it()
    {
        var c = New();
        Decision d(Lag lag, string? verksamhet, string insats) => new()
        {
            BeslutId = "X", PersonId = "p", Kon = Kon.K, Lag = lag, Verksamhet = verksamhet, Insats = insats, Beslutsdatum = new(2025, 1, 1),
        };
        Assert.Equal("Kontaktperson, OF", c.RowOf(d(Lag.SoL, "OF", "Kontaktperson")).Label);
        Assert.Equal("9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", c.RowOf(d(Lag.LSS, null, "9 § 9")).Label);
        var e = Assert.Throws<InvalidOperationException>(() => c.RowOf(d(Lag.SoL, "ÄO", "Trädgårdsskötsel")));
        Assert.Equal("Insatsen 'Trädgårdsskötsel' finns inte i katalogen.", e.Message);
    }

    [Theory]
    [InlineData("SAKNAS_PLATS", "SAKNAS_PLATS")]
    [InlineData("saknas plats", "SAKNAS_PLATS")]   // the code's key: case and "_" are ignored
    [InlineData("plats saknas", null)]
    [InlineData("det saknas plats (kö, sanering/renovering/ombyggnation)", "SAKNAS_PLATS")]
    [InlineData("saknar resurs", "SAKNAR_RESURS")]
    [InlineData("avslutat på den enskildes begäran", "EGEN_BEGARAN")]
    [InlineData("övrigt", "OVRIGT")]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    public void An_orsak_resolves_from_its_code_label_or_alias(string? text, string? code) => Assert.Equal(code, New().ResolveOrsak(text)?.Code);

    [Fact]
    public void Free_text_orsak_is_ovrigt_and_closing_reasons_are_marked()
    {
        var c = New();
        Assert.Equal(("OVRIGT", "det finns andra skäl"), (c.OrsakOrOvrigt("Väntar på ny bedömning").Code, c.OrsakOrOvrigt("Väntar på ny bedömning").Label));
        Assert.Equal(["EGEN_BEGARAN", "AVLIDIT", "BEHOV_UPPHORT"], c.Orsaker.Where(o => o.Closing).Select(o => o.Code));
        Assert.Equal(14, c.Orsaker.Count);
    }

    [Theory]
    [InlineData("K", Kon.K)]
    [InlineData("Kvinna", Kon.K)]
    [InlineData("kvinnor", Kon.K)]
    [InlineData("F", Kon.K)]
    [InlineData("M", Kon.M)]
    [InlineData("Man", Kon.M)]
    [InlineData("män", Kon.M)]
    [InlineData("Män.", Kon.M)]
    [InlineData("Men", Kon.M)]
    [InlineData("", null)]
    [InlineData("X", null)]
    public void Kon_resolves_from_the_spellings_exports_use(string text, Kon? kon) => Assert.Equal(kon, Catalog.ResolveKon(text));

    [Theory]
    [InlineData("SoL", Lag.SoL)]
    [InlineData("Socialtjänstlagen", Lag.SoL)]
    [InlineData("lss", Lag.LSS)]
    [InlineData("", null)]
    [InlineData("HSL", null)]
    public void Lag_resolves_from_its_name(string text, Lag? lag) => Assert.Equal(lag, Catalog.ResolveLag(text));

    [Fact]
    public void A_stored_decision_keeps_its_own_insats_even_where_an_alias_spells_another_insats_the_same()
    {
        // A nämnd that once wrote Kontaktfamilj as "Kontaktperson" may map that alias; a stored Kontaktperson stays one.
        var s = TestEnv.Settings.Get<CatalogSettings>();
        var c = new Catalog(new CatalogSettings
        {
            SoL = s.SoL, LSS = s.LSS, Orsaker = s.Orsaker, InsatsAliases = new() { ["Kontaktperson"] = "Kontaktfamilj" },
        });
        var d = new Decision
        {
            BeslutId = "X", PersonId = "p", Kon = Kon.K, Lag = Lag.SoL, Verksamhet = "IFO", Insats = "Kontaktperson", Beslutsdatum = new(2025, 1, 1),
        };
        Assert.Equal("Kontaktfamilj, IFO", c.ResolveInsats(Lag.SoL, "IFO", "Kontaktperson")?.Label);
        Assert.Equal("Kontaktperson, IFO", c.RowOf(d).Label);
    }
}
