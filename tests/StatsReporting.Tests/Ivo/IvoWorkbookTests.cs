using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using StatsReporting.Decisions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Ivo;

/// The IVO workbook is written with OpenXml's SAX writer (issue 13): valid Open XML, and the print layout of issue 9
/// read from the sheets' own XML (ClosedXML does not read header and footer back).
public class IvoWorkbookTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    [Fact]
    public void Sample_2025Q2_workbook_is_valid_and_prints_landscape_a4_with_the_header_row_heights_and_page_numbers()
    {
        _env.Importer().Import(TestEnv.SampleCsv);
        var result = IvoHistory.Export(_env).Write(Period.Parse("2025Q2"), _env.PathOf("ivo"));
        var path = result.Files.Single(f => f.Path.EndsWith("ivo-individrapport-2025Q2.xlsx")).Path;
        using var doc = SpreadsheetDocument.Open(path, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri}: {e.Description}"));
        var book = doc.WorkbookPart!;
        Assert.Equal(["Individrapport", "Försvunna ärenden", "Kontroller"], book.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal(["'Individrapport'!$A$1:$N$134", "'Individrapport'!$1:$1", "'Försvunna ärenden'!$1:$1",
            "'Kontroller'!$A$1:$A$3", "'Kontroller'!$1:$1"],
            book.Workbook.DefinedNames!.Elements<DefinedName>().Select(n => n.Text));
        var sheet = ((WorksheetPart)book.GetPartById(book.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
        var setup = sheet.GetFirstChild<PageSetup>()!;
        // At 100 % (no fit to page): the columns fit the page, so the 9 pt text is never shrunk.
        Assert.Equal((9u, OrientationValues.Landscape, null), (setup.PaperSize!.Value, setup.Orientation!.Value, sheet.GetFirstChild<SheetProperties>()));
        Assert.Equal("&LInnehåller personuppgifter&RIVO individrapport kvartal 2 2025\nIndividrapport",
            sheet.GetFirstChild<HeaderFooter>()!.OddHeader!.Text);
        Assert.EndsWith("&RSida &P av &N", sheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text);
        var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(134, rows.Count); // the header and the 133 decisions of the CSV
        Assert.Equal(24.5, rows[0].Height!.Value); // two lines of 11.25 pt (9 pt text) + 2: "Verkställt datum" wraps at its space
        Assert.All(rows, r => Assert.True(r.CustomHeight!.Value));
    }
}
