using StatsReporting.Reports;
using StatsReporting.Tests.Reports.Charts;

namespace StatsReporting.Tests.Reports;

/// sammanstallning-<period>.json is what the page shows: it must be the workbooks' Sammanställning, cell for cell.
public class SummaryFileTests(ChartedReports r) : IClassFixture<ChartedReports>
{
    private IReadOnlyList<SummaryFile.Law> Summary => SummaryFile.Read(Path.Combine(r.PeriodDir, "sammanstallning-2025Q2.json"));

    [Fact]
    public void Summary_holds_both_laws_SoL_first_with_the_workbooks_grand_totals()
    {
        Assert.Equal(["SoL", "LSS"], Summary.Select(l => l.Name));
        Assert.Equal([44, 38, 82], Summary[0].Rows[^1].Values);
        Assert.Equal("Totalt samtliga verksamheter", Summary[0].Rows[^1].Label);
        Assert.Equal("total", Summary[0].Rows[^1].Kind);
        Assert.Equal([35, 16, 51], Summary[1].Rows[^1].Values);
        Assert.Equal(["Män", "Kvinnor", "Summa total"], Summary[1].Columns);
    }

    [Fact]
    public void Every_summary_row_is_the_workbooks_row_as_printed_with_dashes_for_zero_rows()
    {
        foreach (var (law, book) in new[] { (Summary[0], r.SolBook), (Summary[1], r.LssBook) })
        {
            var sheet = book["Sammanställning"];
            Assert.Equal(sheet[0], (string[])[law.LabelHeader, .. law.Columns]);
            Assert.Equal(sheet.Skip(1).Select(row => row[0]), law.Rows.Select(row => row.Label));
            Assert.Equal(sheet.Skip(1).Select(row => string.Join(";", row.Skip(1))),
                law.Rows.Select(row => string.Join(";", row.Values.Select(v => row.Zero ? "-" : v?.ToString() ?? ""))));
        }
    }

    [Fact]
    public void Quarter_totals_are_the_Jamforelse_totals_of_this_and_the_two_previous_quarters()
    {
        Assert.Equal(["2024Q4", "2025Q1", "2025Q2"], Summary[0].Totals.Select(t => t.Period));
        Assert.Equal("2025 kv2", Summary[0].Totals[^1].Name);
        var jamforelse = r.SolBook["Jämförelse"][^1];
        Assert.Equal(jamforelse.Skip(1), Summary[0].Totals.Select(t => t.Total?.ToString() ?? ""));
        Assert.Equal(82, Summary[0].Totals[^1].Total);
        Assert.Null(Summary[0].Totals[^1].Change);
        Assert.All(Summary[0].Totals.SkipLast(1), t => Assert.Equal(82 - t.Total, t.Change));
    }
}
