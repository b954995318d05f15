using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports;

public class KonOrderTests
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
}
