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
    public void Every_sheet_has_a_frozen_bold_header_repeated_on_each_A4_page_and_a_header_and_footer()
    {
        using var wb = Sol();
        foreach (var name in new[] { "Sammanställning", "Orsaker", "Väntetid", "Avbrott", "Jämförelse", "Kontroller", "Text" })
        {
            var ws = wb.Worksheet(name);
            Assert.Equal(1, ws.SheetView.SplitRow);
            Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
            Assert.Equal(XLPageOrientation.Portrait, ws.PageSetup.PageOrientation);
            Assert.Equal((1, 0), (ws.PageSetup.PagesWide, ws.PageSetup.PagesTall));
            Assert.Equal((1, 1), (ws.PageSetup.FirstRowToRepeatAtTop, ws.PageSetup.LastRowToRepeatAtTop));
            Assert.True(ws.Cell(1, 1).Style.Font.Bold, name);
        }
    }

    [Fact]
    public void Every_sheet_prints_kommun_namnd_title_and_period_above_and_the_date_and_Sida_N_av_M_below()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var files = _env.Reports().Write(Period.Parse("2025Q2"), new DateOnly(2025, 6, 30), _env.PathOf("reports"));
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(files.Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path, false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(8, sheets.Count); // no Särskild avgift (uppskattning): the sample's costs are examples
        var today = DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var sheet in sheets)
        {
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
            var hf = part.Worksheet.Elements<DocumentFormat.OpenXml.Spreadsheet.HeaderFooter>().Single();
            Assert.Equal($"&LExempelkommunen\nSocialnämnden&REj verkställda gynnande beslut SoL\nkvartal 2 2025: {sheet.Name}", hf.OddHeader!.Text);
            Assert.Equal($"&LFramtagen {today}&RSida &P av &N", hf.OddFooter!.Text);
        }
        // Repeated header rows in the absolute, quoted form LibreOffice reads (ClosedXML writes "Orsaker!1:1").
        var titles = doc.WorkbookPart.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
            .Where(n => n.Name == "_xlnm.Print_Titles").Select(n => n.Text).ToList();
        Assert.Equal(["'Sammanställning'!$1:$1", "'Orsaker'!$1:$1", "'Väntetid'!$1:$1", "'Avbrott'!$1:$1", "'Jämförelse'!$1:$1",
            "'Kontroller'!$1:$1", "'Text'!$1:$1"], titles);
    }

    [Fact]
    public void The_label_column_is_as_wide_as_its_longest_label_and_the_numbers_are_12_wide()
    {
        using var wb = Sol();
        var ws = wb.Worksheet("Sammanställning");
        Assert.Equal("Dagverksamhet/sysselsättning, ÄO".Length + 3, ws.Column(1).Width);
        Assert.Equal(12, ws.Column(2).Width);
        // The repeated insats labels of Orsaker print black, as everything else (they were grey).
        Assert.NotEqual(XLColor.Gray, wb.Worksheet("Orsaker").Cell(3, 1).Style.Font.FontColor);
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
