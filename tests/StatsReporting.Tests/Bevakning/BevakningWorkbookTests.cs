using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using StatsReporting.Bevakning;
using StatsReporting.Decisions;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Bevakning;

/// bevakning-<today>.xlsx read back, validated and checked for print; and the verb through the CLI's entry point.
[Collection("Console")]
public class BevakningWorkbookTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();

    private static readonly DateOnly Today = new(2025, 5, 20);

    private static BevakningList Sample() => BevakningRule.Compute(
    [
        BevakningRuleTests.Make("B-1", "2025-02-20", enhet: "Fyren", orsak: "SAKNAS_PLATS"),
        BevakningRuleTests.Make("B-2", "2025-03-01", enhet: "Fyren"),
        BevakningRuleTests.Make("B-3", "2025-03-10", enhet: "Krongyllen"),
        BevakningRuleTests.Make("B-4", "2025-03-12", lag: Lag.LSS, insats: "9 § 9"),
        BevakningRuleTests.Make("B-5", "2025-01-10", enhet: "Fyren"),
    ], Today, 30, TestEnv.Catalog);

    [Fact]
    public void Workbook_groups_by_enhet_with_subtotals_and_no_personal_data()
    {
        var path = new BevakningService(TestEnv.Settings.For(_env.Db)).WriteWorkbook(Sample(), _env.PathOf("bevakning"));
        Assert.Equal(_env.PathOf("bevakning/bevakning-2025-05-20.xlsx"), path);
        var book = Xlsx.Read(path);
        var snart = book[BevakningWorkbook.SnartSheet];
        Assert.Equal(BevakningWorkbook.Columns(true), snart[0]);
        Assert.Equal(["B-1", "SoL", "ÄO", "Särskilt boende", "Fyren", "2025-02-20", "beslut", "2025-05-20", "0", "det saknas plats (kö, sanering/renovering/ombyggnation)"], snart[1]);
        Assert.Equal(["B-2", "Summa Fyren: 2 beslut", "B-3", "Summa Krongyllen: 1 beslut", "B-4", "Summa (utan enhet): 1 beslut", "Totalt: 4 beslut"],
            snart.Skip(2).Select(r => r[0]));
        Assert.Equal("9 § 9 Bostad med särskild service för vuxna eller annan särskilt anpassad bostad för vuxna", snart[6][3]);
        var sena = book[BevakningWorkbook.SenaSheet];
        Assert.Equal("Dagar sena", sena[0][8]);
        Assert.Equal([["B-5", "40"], ["Summa Fyren: 1 beslut", ""], ["Totalt: 1 beslut", ""]], sena.Skip(1).Select(r => new[] { r[0], r[8] }));
        Assert.DoesNotContain(book.Values.SelectMany(s => s).SelectMany(r => r), c => c.Contains("19500101") || c.Contains("HEMLIG"));
    }

    [Fact]
    public void Workbook_is_valid_open_xml_and_prints_on_a4_landscape_at_10_pt_with_the_header_row_and_page_numbers()
    {
        var path = new BevakningService(TestEnv.Settings.For(_env.Db)).WriteWorkbook(Sample(), _env.PathOf("bevakning"));
        using (var doc = SpreadsheetDocument.Open(path, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri}: {e.Description}"));
            // ClosedXML 0.95.4 does not read header and footer back: the sheets' own XML shows what a printer gets.
            var sheets = doc.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet).ToList();
            // Absolute rows, which LibreOffice needs to repeat them (PrintLayout.FixPrintTitles).
            Assert.Equal(["'Närmar sig tre månader'!$1:$1", "'Försenade, ej rapporterade'!$1:$1"],
                doc.WorkbookPart.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().Select(n => n.Text));
            Assert.Equal(2, sheets.Count);
            Assert.All(sheets, w => Assert.Equal("&LUtan personuppgifter: beslut-id hittar ärendet i verksamhetssystemet.&RSida &P av &N",
                w.Descendants<DocumentFormat.OpenXml.Spreadsheet.OddFooter>().Single().Text));
            Assert.All(sheets, w => Assert.StartsWith("&CBevakningslista 2025-05-20: ", w.Descendants<DocumentFormat.OpenXml.Spreadsheet.OddHeader>().Single().Text));
        }
        using var wb = new XLWorkbook(path);
        foreach (var ws in wb.Worksheets)
        {
            var page = ws.PageSetup;
            // At 100 %, not "fit to one page wide": the columns fit, and Calc shrinks a sheet told to fit even when it does.
            Assert.Equal((XLPaperSize.A4Paper, XLPageOrientation.Landscape, 100, 0, 0), (page.PaperSize, page.PageOrientation, page.Scale, page.PagesWide, page.PagesTall));
            Assert.Equal((1, 1), (page.FirstRowToRepeatAtTop, page.LastRowToRepeatAtTop));
            Assert.All(ws.CellsUsed(), c => Assert.True(c.Style.Font.FontSize >= 10, $"{c.Address} har {c.Style.Font.FontSize} pt"));
            // Fits the width at 100 %, so the 10 pt text is never shrunk: a column of width w is 7w + 5 px in Excel (Calibri 11,
            // the workbook's normal font) and about 5 % wider in LibreOffice; A4 landscape less 2 × 0.3 inch margins is
            // 1 065 px at 96 dpi, so the columns (widened to hold their words, PrintLayout.FitWidths) stay within 1 008 px.
            var px = Enumerable.Range(1, 10).Sum(c => ws.Column(c).Width * 7 + 5);
            Assert.InRange(px, 850, 1008.5);
        }
    }

    [Fact]
    public void Verb_prints_json_alone_on_stdout_and_writes_the_workbook_where_out_says()
    {
        _env.Importer().Import(TestEnv.WriteRecords(_env.PathOf("beslut.csv"),
        [
            "V-1;19400101-T010;M;SoL;ÄO;Särskilt boende;Fyren;2025-02-20;;;;SAKNAS_PLATS;hemlig kommentar",
            "V-2;19400101-T020;K;LSS;;9 § 4;;2025-01-10;;;;;",
            "V-3;19400101-T030;M;SoL;ÄO;Hemtjänst;;2025-02-20;;2025-05-19;;;",
        ]));
        var (code, stdout, stderr) = CliInProcess.Run("bevakning", "--today", "2025-05-20", "--days", "10", "--format", "json",
            "--out", _env.PathOf("ut"), "--db", _env.Db.Path);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(10, root.GetProperty("days").GetInt32());
        Assert.Equal(["V-1"], root.GetProperty("snart").EnumerateArray().Select(i => i.GetProperty("beslut_id").GetString()));
        Assert.Equal([("V-2", 40)], root.GetProperty("sena").EnumerateArray().Select(i => (i.GetProperty("beslut_id").GetString(), i.GetProperty("dagar_sena").GetInt32())));
        Assert.Equal($"Bevakningslista (xlsx): {_env.PathOf("ut/bevakning-2025-05-20.xlsx")}", stderr.Trim());
        Assert.True(File.Exists(_env.PathOf("ut/bevakning-2025-05-20.xlsx")));
        Assert.DoesNotContain("19400101", stdout);
        Assert.DoesNotContain("hemlig", stdout);

        var text = CliInProcess.Run("bevakning", "--today", "2025-05-20", "--out", _env.PathOf("ut"), "--db", _env.Db.Path).Out;
        Assert.Contains("           0  2025-05-20  V-1            SoL  Särskilt boende (ÄO), Fyren; klockstart 2025-02-20 (beslut); "
            + "orsak: det saknas plats (kö, sanering/renovering/ombyggnation)", text);
        Assert.Contains("Totalt: 1 beslut närmar sig tre månader, 1 är redan försenade.", text);
        Assert.Equal(2, CliInProcess.Run("bevakning", "--days", "x", "--db", _env.Db.Path).Code);
    }
}
