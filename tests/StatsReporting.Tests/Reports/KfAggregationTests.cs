using StatsReporting.Checks;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Tests.Checks;
using StatsReporting.Tests.Support;
using StatsReporting.Organisation;

namespace StatsReporting.Tests.Reports;

public class KfAggregationTests
{
    [Fact]
    public void The_kon_column_order_follows_the_settings_per_law()
    {
        using var env = new TestEnv();
        env.Importer().Import(TestEnv.SampleCsv);
        var settings = new ReportSettings { KonOrder = new() { ["SoL"] = ["M", "K"], ["LSS"] = ["K", "M"] } };
        var agg = new KfAggregation(TestEnv.Catalog, settings);
        var sol = agg.Build(env.Current(), Lag.SoL, Period.Parse("2025Q2"), new DateOnly(2025, 6, 30));
        var lss = agg.Build(env.Current(), Lag.LSS, Period.Parse("2025Q2"), new DateOnly(2025, 6, 30));
        Assert.Equal(["Män", "Kvinnor", "Summa total"], sol.Sammanstallning.Columns);
        Assert.Equal([38, 44, 82], sol.Sammanstallning.Row("Totalt samtliga verksamheter").Values);
        Assert.Equal([16, 35, 51], lss.Sammanstallning.Row("Summa total").Values);
    }

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Decision Make(string id, Kon kon, string verksamhet, string insats, string beslut, string? avbrott = null,
        string? verkstallt = null, string? avslutat = null, string? orsak = null, string? enhet = null, Lag lag = Lag.SoL) => new()
    {
        BeslutId = id, PersonId = "p-" + id, Kon = kon, Lag = lag, Verksamhet = lag == Lag.SoL ? verksamhet : null, Insats = insats, Enhet = enhet,
        Beslutsdatum = D(beslut), Avbrottsdatum = avbrott is null ? null : D(avbrott),
        VerkstalltDatum = verkstallt is null ? null : D(verkstallt), AvslutatDatum = avslutat is null ? null : D(avslutat), Orsak = orsak,
    };

    // A small nämnd for 2025Q2 (2025-04-01 – 2025-06-30, as of 2025-06-30). Each verksamhet's last catalog row has a case,
    // so a subtotal that leaves out its last row is off. First late day (L) and the quarters each decision is reportable in
    // (2024Q4, 2025Q1, 2025Q2) are noted.
    private static readonly Decision[] Nämnd =
    [
        Make("S1", Kon.K, "ÄO", "Särskilt boende", "2025-01-10", orsak: "SAKNAS_PLATS"),            // L 04-11: Q2
        Make("S2", Kon.M, "ÄO", "Särskilt boende", "2025-01-20", orsak: "TACKAT_NEJ"),              // L 04-21: Q2
        Make("S3", Kon.K, "ÄO", "Särskilt boende", "2024-12-01", verkstallt: "2025-05-02"),         // L 03-02: Q1, Q2
        Make("S4", Kon.M, "ÄO", "Särskilt boende", "2025-02-01", avslutat: "2025-06-10", orsak: "AVLIDIT"), // L 05-02: Q2
        Make("S5", Kon.K, "ÄO", "Särskilt boende", "2025-02-10"),                                   // L 05-11: Q2, no orsak
        Make("S6", Kon.K, "ÄO", "Särskilt boende", "2025-01-25", orsak: "SAKNAS_PLATS"),            // L 04-26: Q2
        Make("N1", Kon.K, "ÄO", "Särskilt boende", "2025-01-10", verkstallt: "2025-04-10"),         // done on its deadline: never
        Make("N3", Kon.M, "ÄO", "Särskilt boende", "2025-04-01"),                                   // L 07-02: not yet
        Make("H1", Kon.M, "ÄO", "Hemtjänst", "2025-03-01", avbrott: "2025-03-15", orsak: "HALSOTILLSTAND"), // L 06-16: Q2
        Make("A1", Kon.K, "ÄO", "Annat bistånd", "2025-01-05", orsak: "Väntar på ny bedömning"),    // L 04-06: Q2
        Make("O2", Kon.K, "OF", "Kontaktperson", "2024-08-15", verkstallt: "2025-02-01"),           // L 2024-11-16: Q4, Q1
        Make("O3", Kon.K, "OF", "Kontaktperson", "2025-02-20"),                                     // L 05-21: Q2
        Make("O1", Kon.M, "OF", "Övrigt", "2025-01-15"),                                            // L 04-16: Q2
        Make("B4", Kon.M, "IFO", "Bostad", "2025-01-02", enhet: "Åsen"),                            // L 04-03: Q2
        Make("B2", Kon.K, "IFO", "Bostad", "2025-01-31", enhet: "Krongyllen"),                      // L 05-01: Q2
        Make("B1", Kon.M, "IFO", "Bostad", "2024-09-01", enhet: "Fyren"),                           // L 2024-12-02: Q4, Q1, Q2
        Make("B3", Kon.M, "IFO", "Bostad", "2024-12-15"),                                           // L 03-16: Q1, Q2
        Make("F1", Kon.K, "IFO", "Familjehem", "2024-05-10"),                                       // L 2024-08-11: Q4, Q1, Q2
        Make("E1", Kon.K, "IFO", "Externt skyddat boende", "2024-10-01"),                           // L 2025-01-02: Q1, Q2
        Make("L1", Kon.M, "", "9 § 4", "2025-01-10", lag: Lag.LSS),                                 // another law
    ];

    private static readonly Period Q2 = new(2025, 2);
    private static readonly ReportSettings KM = new() { KonOrder = new() { ["SoL"] = ["K", "M"], ["LSS"] = ["M", "K"] } };
    private static KfReport Report(Lag lag, IReadOnlyList<Decision>? ds = null) =>
        new KfAggregation(TestEnv.Catalog, KM).Build(ds ?? Nämnd, lag, Q2, D("2025-06-30"));

    private static string[] Lines(ReportTable t) => t.Rows.Select(r => $"{r.Label}: {string.Join(" ", r.Values.Select(v => v?.ToString() ?? "null"))}").ToArray();

    [Fact]
    public void Sammanstallning_has_every_catalog_row_a_subtotal_per_verksamhet_and_a_grand_total()
    {
        var t = Report(Lag.SoL).Sammanstallning;
        Assert.Equal(("Sammanställning", "Verksamhet och insats (SoL)", true), (t.Sheet, t.LabelHeader, t.HasSumColumn));
        Assert.Equal(["Kvinnor", "Män", "Summa total"], t.Columns);
        Assert.Equal([
            "Särskilt boende, ÄO: 4 2 6", "Korttidsboende, ÄO: 0 0 0", "Dagverksamhet/sysselsättning, ÄO: 0 0 0", "Kontaktperson, ÄO: 0 0 0",
            "Hemtjänst, ÄO: 0 1 1", "Annat bistånd, ÄO: 1 0 1", "Totalt ÄO: 5 3 8",
            "Särskilt boende, OF: 0 0 0", "Dagverksamhet/sysselsättning, OF: 0 0 0", "Kontaktperson, OF: 1 0 1", "Boendestöd, OF: 0 0 0",
            "Övrigt, OF: 0 1 1", "Totalt OF: 1 1 2",
            "Bostad, IFO: 1 3 4", "Kontaktperson, IFO: 0 0 0", "Kontaktfamilj, IFO: 0 0 0", "Familjehem, IFO: 1 0 1", "Öppenvård, IFO: 0 0 0",
            "Behandlingshem, IFO: 0 0 0", "Externt skyddat boende, IFO: 1 0 1", "Totalt IFO: 3 3 6",
            "Totalt samtliga verksamheter: 9 7 16",
        ], Lines(t));
        Assert.Equal([RowKind.Subtotal, RowKind.Subtotal, RowKind.Subtotal, RowKind.Total], t.Rows.Where(r => r.Kind != RowKind.Detail).Select(r => r.Kind));
    }

    [Fact]
    public void Lss_sammanstallning_has_no_subtotals_and_its_summa_total_includes_the_last_point()
    {
        var lss = new[]
        {
            Make("L1", Kon.M, "", "9 § 4", "2025-01-10", lag: Lag.LSS),
            Make("L2", Kon.K, "", "9 § 10", "2025-01-12", lag: Lag.LSS),
            Make("L3", Kon.M, "", "9 § 10", "2025-02-12", lag: Lag.LSS),
            Make("S1", Kon.K, "ÄO", "Särskilt boende", "2025-01-10"),
        };
        var t = Report(Lag.LSS, lss).Sammanstallning;
        Assert.Equal("Typ av insats enligt 9 § p. 1–10 LSS", t.LabelHeader);
        Assert.Equal(["Män", "Kvinnor", "Summa total"], t.Columns);
        Assert.Equal([
            "9 § 1 Rådgivning och annat personligt stöd: 0 0 0", "9 § 2 Biträde av personlig assistans: 0 0 0", "9 § 3 Ledsagarservice: 0 0 0",
            "9 § 4 Biträde av kontaktperson: 1 0 1", "9 § 5 Avlösarservice i hemmet: 0 0 0", "9 § 6 Korttidsvistelse utanför det egna hemmet: 0 0 0",
            "9 § 7 Korttidstillsyn för skolungdom över 12 år: 0 0 0",
            "9 § 8 Boende i familjehem eller bostad med särskild service för barn eller ungdomar: 0 0 0",
            "9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna: 0 0 0",
            "9 § 10 Daglig verksamhet: 1 1 2", "Summa total: 2 1 3",
        ], Lines(t));
    }

    [Fact]
    public void Orsaker_has_a_block_per_row_with_cases_verkstallda_first_then_avslutade_then_the_largest_reason()
    {
        var blocks = Report(Lag.SoL).Orsaker;
        Assert.Equal(["Särskilt boende, ÄO 6", "Hemtjänst, ÄO 1", "Annat bistånd, ÄO 1", "Kontaktperson, OF 1", "Övrigt, OF 1",
            "Bostad, IFO 4", "Familjehem, IFO 1", "Externt skyddat boende, IFO 1"], blocks.Select(b => $"{b.Label} {b.Total}"));
        Assert.Equal([
            "1 verkställda", "1 avslutade då den enskilde har avlidit",
            "2 ej verkställda då det saknas plats (kö, sanering/renovering/ombyggnation)",
            "1 ej verkställda då den enskilde har tackat nej till erbjudande", "1 ej verkställda, orsak saknas",
        ], blocks[0].Lines.Select(l => $"{l.Count} {l.Text}"));
        Assert.Equal(["1 ej verkställda då det finns andra skäl"], blocks[2].Lines.Select(l => $"{l.Count} {l.Text}"));
    }

    [Fact]
    public void Vantetid_counts_each_decision_in_the_bucket_of_its_waiting_time_and_sums_each_row()
    {
        var t = Report(Lag.SoL).Vantetid;
        Assert.Equal(("Väntetid", "Verksamhet och insats (SoL)", true), (t.Sheet, t.LabelHeader, t.HasSumColumn));
        Assert.Equal(["3–6 månader", "6–9 månader", "9–12 månader", "Över 12 månader", "Summa total"], t.Columns);
        var lines = Lines(t);
        // Bostad IFO: B4 and B2 under 6 months, B3 (from 2024-12-15) 6–9, B1 (from 2024-09-01) 9–12.
        Assert.Contains("Bostad, IFO: 2 1 1 0 4", lines);
        Assert.Contains("Familjehem, IFO: 0 0 0 1 1", lines);           // from 2024-05-10: over 12 months
        Assert.Contains("Externt skyddat boende, IFO: 0 1 0 0 1", lines); // from 2024-10-01: 6–9 months
        Assert.Contains("Särskilt boende, ÄO: 6 0 0 0 6", lines);
        Assert.Equal(["Totalt ÄO: 8 0 0 0 8", "Totalt OF: 2 0 0 0 2", "Totalt IFO: 2 2 1 1 6", "Totalt samtliga verksamheter: 12 2 1 1 16"],
            lines.Where(l => l.StartsWith("Totalt", StringComparison.Ordinal)));
    }

    [Fact]
    public void Avbrott_splits_each_row_into_never_started_and_interrupted()
    {
        var t = Report(Lag.SoL).Avbrott;
        Assert.Equal(("Avbrott", "Verksamhet och insats (SoL)", true), (t.Sheet, t.LabelHeader, t.HasSumColumn));
        Assert.Equal(["Ej påbörjade", "Avbrott", "Summa total"], t.Columns);
        var lines = Lines(t);
        Assert.Contains("Hemtjänst, ÄO: 0 1 1", lines);
        Assert.Contains("Särskilt boende, ÄO: 6 0 6", lines);
        Assert.Equal(["Totalt ÄO: 7 1 8", "Totalt OF: 2 0 2", "Totalt IFO: 6 0 6", "Totalt samtliga verksamheter: 15 1 16"],
            lines.Where(l => l.StartsWith("Totalt", StringComparison.Ordinal)));
    }

    [Fact]
    public void Jamforelse_counts_the_two_previous_quarters_and_this_one_from_the_records()
    {
        var t = Report(Lag.SoL).Jamforelse;
        Assert.Equal(("Jämförelse", "Verksamhet och insats (SoL)", false), (t.Sheet, t.LabelHeader, t.HasSumColumn));
        Assert.Equal(["2024-12-31", "2025-03-31", "2025-06-30"], t.Columns);
        // Bostad IFO is split by enhet in Swedish order (Å after K), the decisions without one last.
        Assert.Equal([
            "Särskilt boende, ÄO: 0 1 6", "Korttidsboende, ÄO: 0 0 0", "Dagverksamhet/sysselsättning, ÄO: 0 0 0", "Kontaktperson, ÄO: 0 0 0",
            "Hemtjänst, ÄO: 0 0 1", "Annat bistånd, ÄO: 0 0 1", "Totalt ÄO: 0 1 8",
            "Särskilt boende, OF: 0 0 0", "Dagverksamhet/sysselsättning, OF: 0 0 0", "Kontaktperson, OF: 1 1 1", "Boendestöd, OF: 0 0 0",
            "Övrigt, OF: 0 0 1", "Totalt OF: 1 1 2",
            "Bostad, IFO / Fyren: 1 1 1", "Bostad, IFO / Krongyllen: 0 0 1", "Bostad, IFO / Åsen: 0 0 1", "Bostad, IFO / utan enhet: 0 1 1",
            "Kontaktperson, IFO: 0 0 0", "Kontaktfamilj, IFO: 0 0 0", "Familjehem, IFO: 1 1 1", "Öppenvård, IFO: 0 0 0",
            "Behandlingshem, IFO: 0 0 0", "Externt skyddat boende, IFO: 0 1 1", "Totalt IFO: 2 4 6",
            "Totalt samtliga verksamheter: 3 6 16",
        ], Lines(t));
    }

    [Fact]
    public void Jamforelse_counts_only_the_decisions_of_its_own_law()
    {
        var agg = new KfAggregation(TestEnv.Catalog, KM);
        var t = agg.Jamforelse(Nämnd, Lag.LSS, Q2.Window(3), null);
        Assert.Equal(["0", "0", "1"], t.Rows.Single(r => r.Label == "9 § 4 Biträde av kontaktperson").Values.Select(v => v.ToString()));
        Assert.Equal([0, 0, 1], t.Rows.Single(r => r.Label == "Summa total").Values);
    }

    [Fact]
    public void Jamforelse_shows_a_quarter_before_RecordsFrom_from_its_stored_table_and_rows_it_lacks_as_unknown()
    {
        var settings = new ReportSettings { KonOrder = KM.KonOrder, RecordsFrom = "2025Q1" };
        // The 2024Q4 column as the nämnd printed it; the records would give 0 for Särskilt boende ÄO.
        var stored = Tables.Table("sol-2024Q4.csv", "Insats;2024-12-31", "Särskilt boende ÄO;4", "Hemtjänst ÄO;2", "Totalt ÄO;6",
            "Kontaktperson OF;1", "Totalt OF;1", "Totalt samtliga verksamheter;7");
        var t = new KfAggregation(TestEnv.Catalog, settings).Build(Nämnd, Lag.SoL, Q2, D("2025-06-30"), new Dictionary<Period, CheckTable> { [new(2024, 4)] = stored }).Jamforelse;
        var lines = Lines(t);
        Assert.Contains("Särskilt boende, ÄO: 4 1 6", lines);
        Assert.Contains("Hemtjänst, ÄO: 2 0 1", lines);
        Assert.Contains("Korttidsboende, ÄO: null 0 0", lines);
        Assert.Contains("Totalt ÄO: 6 1 8", lines);
        Assert.Contains("Kontaktperson, OF: 1 1 1", lines);
        Assert.Contains("Totalt samtliga verksamheter: 7 6 16", lines);
    }

    [Fact]
    public void Jamforelse_splits_a_row_with_and_without_enhet_and_counts_every_decision_without_one()
    {
        var ds = new[]
        {
            Make("X1", Kon.K, "IFO", "Bostad", "2025-01-02"), Make("X2", Kon.M, "IFO", "Bostad", "2025-01-03"),
            Make("X3", Kon.M, "IFO", "Bostad", "2025-01-04", enhet: "Fyren"),
            Make("Y1", Kon.K, "IFO", "Kontaktfamilj", "2025-01-02"), Make("Y2", Kon.K, "IFO", "Kontaktfamilj", "2025-01-09"),
        };
        var lines = Lines(Report(Lag.SoL, ds).Jamforelse);
        Assert.Equal(["Bostad, IFO / Fyren: 0 0 1", "Bostad, IFO / utan enhet: 0 0 2"], lines.Where(l => l.StartsWith("Bostad", StringComparison.Ordinal)));
        Assert.Contains("Kontaktfamilj, IFO: 0 0 2", lines);
        Assert.Contains("Totalt IFO: 0 0 5", lines);
    }

    [Theory]
    [InlineData("2025-06-30", "avslutade då den enskilde har avlidit")]
    [InlineData("2025-05-31", "ej verkställda, orsak vid rapporteringstillfället okänd")]
    public void A_closing_reason_is_not_given_as_the_delay_of_a_case_still_open_at_the_as_of_date(string asOf, string text)
    {
        var d = new Decision
        {
            BeslutId = "A-0048", PersonId = "p", Kon = Kon.M, Lag = Lag.SoL, Verksamhet = "ÄO", Insats = "Särskilt boende",
            Beslutsdatum = new DateOnly(2025, 2, 4), AvslutatDatum = new DateOnly(2025, 6, 25), Orsak = "AVLIDIT",
        };
        var agg = new KfAggregation(TestEnv.Catalog, TestEnv.Report);
        Assert.Equal(text, agg.StatusText(d, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
