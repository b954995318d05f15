using StatsReporting.Decisions;
using StatsReporting.Reports;
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
