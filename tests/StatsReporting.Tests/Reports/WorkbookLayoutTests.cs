using ClosedXML.Excel;
using StatsReporting.Decisions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Reports;

/// The KF workbook is laid out as a controller pastes it: frozen header, A4, explicit widths, bold sums, values only.
public class WorkbookLayoutTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private XLWorkbook Sol()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var files = _env.Reports().Write(Period.Parse("2025Q2"), new DateOnly(2025, 6, 30), _env.PathOf("reports"));
        return Xlsx.Open(files.Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path);
    }

    [Fact]
    public void Every_table_sheet_has_a_frozen_bold_header_A4_print_and_explicit_widths()
    {
        using var wb = Sol();
        foreach (var name in new[] { "Sammanställning", "Orsaker", "Väntetid", "Avbrott", "Jämförelse", "Kontroller", "Text" })
        {
            var ws = wb.Worksheet(name);
            Assert.Equal(1, ws.SheetView.SplitRow);
            Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
            Assert.True(ws.Cell(1, 1).Style.Font.Bold, name);
            Assert.True(ws.Column(1).Width >= 60, name);
        }
        Assert.Equal(15, wb.Worksheet("Sammanställning").Column(2).Width);
    }

    [Fact]
    public void Subtotals_and_the_grand_total_are_bold_and_detail_rows_are_not()
    {
        using var wb = Sol();
        var ws = wb.Worksheet("Sammanställning");
        bool Bold(string label) => ws.RowsUsed().Single(r => r.Cell(1).GetString() == label).Cell(2).Style.Font.Bold;
        Assert.True(Bold("Totalt ÄO"));
        Assert.True(Bold("Totalt IFO"));
        Assert.True(Bold("Totalt samtliga verksamheter"));
        Assert.False(Bold("Särskilt boende, ÄO"));
    }

    [Fact]
    public void Every_number_is_a_value_and_no_cell_holds_a_formula()
    {
        using var wb = Sol();
        Assert.DoesNotContain(wb.Worksheets.SelectMany(ws => ws.CellsUsed()), c => c.HasFormula);
        var total = wb.Worksheet("Sammanställning").RowsUsed().Single(r => r.Cell(1).GetString() == "Totalt samtliga verksamheter");
        Assert.Equal(XLDataType.Number, total.Cell(4).DataType);
        Assert.Equal(82, total.Cell(4).GetValue<int>());
    }

    [Fact]
    public void An_empty_database_still_gives_both_workbooks_with_dash_rows_and_no_findings()
    {
        var files = _env.Reports().Write(Period.Parse("2025Q2"), new DateOnly(2025, 6, 30), _env.PathOf("reports"));
        foreach (var law in new[] { "sol", "lss" })
        {
            var book = Xlsx.Read(files.Single(f => f.Path.EndsWith($"evb-{law}-2025Q2.xlsx")).Path);
            Assert.All(book["Sammanställning"].Skip(1), row => Assert.All(row.Skip(1), cell => Assert.Equal("-", cell)));
            Assert.Equal("Inga beslut att redovisa", book["Orsaker"][1][0]);
            Assert.Equal("Inga avvikelser", book["Kontroller"][1][0]);
            Assert.Contains(book["Text"], r => r[0] == "Det finns inga ej verkställda gynnande beslut att rapportera för kvartalet.");
        }
    }
}
