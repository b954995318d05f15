using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;
using StatsReporting.Tests.Support;
using StatsReporting.Organisation;

namespace StatsReporting.Tests.Reports.Charts;

/// A chart plots exactly the numbers of the workbook it belongs to, read back from the written file.
public class ChartNumbersTests(ChartedReports r) : IClassFixture<ChartedReports>
{
    [Fact]
    public void SoL_kon_chart_plots_kvinnor_and_man_of_each_insats_with_cases()
    {
        var chart = r.Chart<BarChart>(Lag.SoL, ChartKind.Kon);
        Assert.Equal(["Särskilt boende, ÄO", "Dagverksamhet/sysselsättning, ÄO", "Kontaktperson, ÄO", "Särskilt boende, OF",
            "Kontaktperson, OF", "Bostad, IFO", "Kontaktperson, IFO", "Kontaktfamilj, IFO"], chart.Categories);
        Assert.Equal(["Kvinnor", "Män"], chart.Series.Select(s => s.Name));
        Assert.Equal([31, 1, 7, 0, 0, 3, 1, 1], chart.Series[0].Values);
        Assert.Equal([17, 5, 1, 1, 2, 9, 2, 1], chart.Series[1].Values);
        Assert.Equal("Ej verkställda beslut per insats och kön, SoL 2025 kv2", chart.Title);
        for (var i = 0; i < chart.Categories.Count; i++)
            Assert.Equal([chart.Series[0].Values[i], chart.Series[1].Values[i], chart.Total(i)],
                Xlsx.Numbers(r.SolBook["Sammanställning"], chart.Categories[i]));
    }

    [Fact]
    public void LSS_kon_chart_uses_short_labels_explained_under_the_chart_and_the_workbooks_numbers()
    {
        var chart = r.Chart<BarChart>(Lag.LSS, ChartKind.Kon);
        Assert.Equal(["9 § 2", "9 § 4", "9 § 9", "9 § 10"], chart.Categories);
        Assert.Equal("9 § 9: Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", chart.Notes[2]);
        Assert.Equal([1, 5, 9, 1], chart.Series.Single(s => s.Name == "Kvinnor").Values);
        Assert.Equal([0, 13, 18, 4], chart.Series.Single(s => s.Name == "Män").Values);
        // The LSS workbook prints Män before Kvinnor (Report:KonOrder), and so does its chart.
        Assert.Equal(["Män", "Kvinnor"], chart.Series.Select(s => s.Name));
        Assert.Equal([1, 0], chart.Series.Select(s => s.Shade)); // Kvinnor keep the dark shade they have in the SoL chart
        var rows = r.LssBook["Sammanställning"].Skip(1).Where(row => row[0].StartsWith("9 § ", StringComparison.Ordinal) && row[3] != "-").ToList();
        Assert.Equal(chart.Categories.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
            Assert.Equal([chart.Series[0].Values[i], chart.Series[1].Values[i], chart.Total(i)],
                Xlsx.Numbers(r.LssBook["Sammanställning"], rows[i][0]));
    }

    [Fact]
    public void Orsaker_chart_sums_the_open_cases_of_the_orsaker_sheet_per_orsak()
    {
        var chart = r.Chart<BarChart>(Lag.SoL, ChartKind.Orsaker);
        var open = chart.Categories.Zip(chart.Series.Single().Values).ToDictionary(x => x.First, x => x.Second);
        Assert.Equal(25, open["Det saknas plats (kö, sanering/renovering/ombyggnation)"]);
        Assert.Equal(21, open["Den enskilde har tackat nej till erbjudande"]);
        Assert.Equal(62, open.Values.Sum());
        Assert.Equal("62 av 82 beslut var inte verkställda den 30 juni 2025", chart.Subtitle);

        var fromSheet = r.SolBook["Orsaker"].Skip(1)
            .Where(row => row[1].StartsWith("ej verkställda då ", StringComparison.Ordinal))
            .GroupBy(row => row[1]["ej verkställda då ".Length..])
            .ToDictionary(g => char.ToUpperInvariant(g.Key[0]) + g.Key[1..], g => g.Sum(row => int.Parse(row[2])));
        Assert.Equal(fromSheet.OrderBy(x => x.Key), open.OrderBy(x => x.Key));
        Assert.Equal(open.Values.OrderDescending(), chart.Series.Single().Values);
    }

    [Theory]
    [InlineData("ÄO", "Totalt ÄO", 28, 20, 14, 0)]
    [InlineData("OF", "Totalt OF", 2, 1, 0, 0)]
    [InlineData("IFO", "Totalt IFO", 10, 5, 2, 0)]
    public void SoL_vantetid_chart_stacks_the_subtotal_rows_of_the_vantetid_sheet(string series, string row, int b3, int b6, int b9, int b12)
    {
        var chart = r.Chart<BarChart>(Lag.SoL, ChartKind.Vantetid);
        Assert.Equal(["3–6 månader", "6–9 månader", "9–12 månader", "Över 12 månader"], chart.Categories);
        Assert.Equal([b3, b6, b9, b12], chart.Series.Single(s => s.Name == series).Values);
        Assert.Equal([b3, b6, b9, b12, b3 + b6 + b9 + b12], Xlsx.Numbers(r.SolBook["Väntetid"], row));
    }

    [Fact]
    public void LSS_vantetid_chart_plots_the_total_row()
    {
        var chart = r.Chart<BarChart>(Lag.LSS, ChartKind.Vantetid);
        Assert.Equal([18, 17, 16, 0], chart.Series.Single().Values);
        Assert.Equal([.. chart.Series.Single().Values, 51], Xlsx.Numbers(r.LssBook["Väntetid"], "Summa total"));
    }

    [Fact]
    public void SoL_trend_is_95_86_82_from_2024Q4_where_the_records_begin_and_shows_no_quarter_before()
    {
        var chart = r.Chart<TrendChart>(Lag.SoL, ChartKind.Trend);
        Assert.Equal(["2024Q4", "2025Q1", "2025Q2"], chart.Input.Quarters.Select(q => q.ToString()));
        var total = chart.Input.Series.Single(s => s.Name == "Totalt").Values;
        Assert.Equal([95, 86, 82], total);
        Assert.Equal([51, 59, 62], chart.Input.Series.Single(s => s.Name.StartsWith("ÄO ", StringComparison.Ordinal)).Values);
        Assert.Equal([10, 8, 3], chart.Input.Series.Single(s => s.Name.StartsWith("OF ", StringComparison.Ordinal)).Values);
        Assert.Equal([34, 19, 17], chart.Input.Series.Single(s => s.Name.StartsWith("IFO ", StringComparison.Ordinal)).Values);
        Assert.Equal(Xlsx.Numbers(r.SolBook["Jämförelse"], "Totalt samtliga verksamheter"), total.Select(v => v!.Value));
        Assert.Equal("Ej verkställda beslut per kvartal, SoL 2024 kv4–2025 kv2", chart.Title);
        Assert.Equal("Antal beslut att rapportera per kvartal", chart.Subtitle);
    }

    [Fact]
    public void LSS_trend_is_one_total_line_71_55_51()
    {
        var chart = r.Chart<TrendChart>(Lag.LSS, ChartKind.Trend);
        Assert.Equal([71, 55, 51], chart.Input.Series.Single().Values);
    }

    [Fact]
    public void Trend_counts_every_quarter_when_the_records_cover_them_all()
    {
        var settings = new ReportSettings { RecordsFrom = "" };
        var trend = TrendHistory.FromRecords(r.Env.Current(), Lag.SoL, ChartedReports.Q, TestEnv.Catalog, settings);
        var total = trend.Series.Single(s => s.Name == TrendHistory.TotalName).Values;
        Assert.All(total, v => Assert.NotNull(v));
        Assert.Equal([95, 86, 82], total.Skip(5));
    }
}
