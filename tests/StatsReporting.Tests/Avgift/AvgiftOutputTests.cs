using ClosedXML.Excel;
using StatsReporting.Avgift;
using StatsReporting.Decisions;
using StatsReporting.Jobs;
using StatsReporting.Reports;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Avgift;

/// The estimate as written: the sheet of the KF workbook, the Text sheet's sentence, and the restricted per-decision list.
// File modes are a Unix matter; the project runs on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class AvgiftOutputTests : IDisposable
{
    private readonly TestEnv _env = new();
    public void Dispose() => _env.Dispose();
    private static readonly Period Q2 = new(2025, 2);

    private void ImportSample() => _env.Importer().Import(TestEnv.WriteRecords(_env.PathOf("beslut.csv"),
    [
        // First late 2025-04-01, verkställt 2025-06-16: 2.5 months × 36 400 × 1.25 = 113 750 kr.
        "S-1;19400101-T010;M;SoL;ÄO;Särskilt boende;;2024-12-31;;2025-06-16;;SAKNAS_PLATS;hemlig kommentar",
        // First late 2025-05-01, open on 2025-06-30: 1 month + 29/30 = 2.0 months × 36 400 × 1.25 = 91 000 kr.
        "S-2;19400101-T020;K;SoL;ÄO;Särskilt boende;;2025-01-31;;;;SAKNAS_PLATS;",
        // No monthly cost for Annat bistånd in appsettings.json.
        "S-3;19400101-T030;M;SoL;ÄO;Annat bistånd;;2025-01-15;;;;TACKAT_NEJ;",
        // 9 § 4, first late 2025-05-11, verkställt 2025-05-12: 0.0 months → raised to the minimum 10 000 kr.
        "L-1;19400101-T040;K;LSS;;9 § 4;;2025-02-10;;2025-05-12;;MATCHNING;",
    ]));

    /// The kommun's own costs: the installation's settings with Avgift:Exempel false (and the Text sentence if asked).
    private IReadOnlyList<StatsReporting.FileSystem.WrittenFile> WriteWithOwnCosts(bool visaIText = false)
    {
        var settings = Installation.Load(AppContext.BaseDirectory);
        settings.Get<AvgiftSettings>().Exempel = false;
        settings.Get<AvgiftSettings>().VisaIText = visaIText;
        return new ReportService(settings.For(_env.Db)).Write(Q2, Q2.End, _env.PathOf("reports"));
    }

    [Fact]
    public void Kf_workbook_with_the_sample_example_costs_has_no_estimate_sheet_and_no_estimate_in_its_text()
    {
        ImportSample();
        var settings = Installation.Load(AppContext.BaseDirectory);
        Assert.True(settings.Get<AvgiftSettings>().Exempel);
        settings.Get<AvgiftSettings>().VisaIText = true;
        var files = new ReportService(settings.For(_env.Db)).Write(Q2, Q2.End, _env.PathOf("reports"));
        foreach (var law in new[] { "sol", "lss" })
        {
            var book = Xlsx.Read(files.Single(f => f.Path.EndsWith($"evb-{law}-2025Q2.xlsx")).Path);
            Assert.Equal(["Sammanställning", "Orsaker", "Väntetid", "Avbrott", "Jämförelse", "Diagram", "Kontroller", "Text"], book.Keys);
            Assert.DoesNotContain(book.Values.SelectMany(s => s).SelectMany(r => r), c => c.Contains("särskild avgift", StringComparison.OrdinalIgnoreCase)
                || c.Contains("särskilda avgift") || c.Contains(" kr"));
        }
    }

    [Fact]
    public void Kf_workbook_has_the_estimate_sheet_with_sums_per_insats_and_the_excluded_count()
    {
        ImportSample();
        var files = WriteWithOwnCosts();
        var book = Xlsx.Read(files.Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path);
        var sheet = book[AvgiftSheet.Name];
        Assert.Equal(["Insats", "Beslut", "Varav med kostnad", "Kr per månad", "Månader försening (summa)", "Uppskattning kr",
            "Försening över 6 mån", "Över 9 mån", "Över 12 mån"], sheet[0]);
        Assert.Equal(["Särskilt boende, ÄO", "2", "2", "36400", "4.5", "204750", "0", "0", "0"], sheet[1]);
        Assert.Equal(["Annat bistånd, ÄO", "1", "0", "kostnad saknas", "2.5", "kostnad saknas", "0", "0", "0"], sheet[2]);
        Assert.Equal(["Totalt (uppskattning)", "3", "2", "", "7", "204750", "0", "0", "0"], sheet[3]);
        using (var wb = Xlsx.Open(files.Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path))
        {
            // ClosedXML reads "7.0" back as "7": the cell itself prints one decimal and kronor with thousands grouped.
            var ws = wb.Worksheet(AvgiftSheet.Name);
            Assert.Equal((7.0, "0.0", 204_750.0), (ws.Cell(4, 5).GetDouble(), ws.Cell(4, 5).Style.NumberFormat.Format, ws.Cell(4, 6).GetDouble()));
            Assert.Equal("#,##0", ws.Cell(4, 6).Style.NumberFormat.Format);
            // Styled like every other sheet: Calibri 11 on white, the amounts' headers right-aligned over them.
            Assert.All(new[] { ws.Cell(1, 1), ws.Cell(1, 6), ws.Cell(2, 1), ws.Cell(4, 6) }, c =>
                Assert.Equal(("Calibri", 11.0, XLFillPatternValues.None), (c.Style.Font.FontName, c.Style.Font.FontSize, c.Style.Fill.PatternType)));
            Assert.Equal(XLAlignmentHorizontalValues.General, ws.Cell(1, 1).Style.Alignment.Horizontal);
            Assert.All(Enumerable.Range(2, 8), c => Assert.Equal(XLAlignmentHorizontalValues.Right, ws.Cell(1, c).Style.Alignment.Horizontal));
            Assert.All(Enumerable.Range(2, 8), c => Assert.Equal(XLAlignmentHorizontalValues.Right, ws.Cell(2, c).Style.Alignment.Horizontal));
        }
        var notes = sheet.Skip(4).Select(r => r[0]).ToList();
        Assert.Contains("1 beslut saknar månadskostnad för sin insats (kostnad saknas) och ingår inte i summorna.", notes);
        Assert.DoesNotContain(AvgiftText.ExampleCosts, notes);
        Assert.Contains(AvgiftText.NoClaim, notes);
        Assert.StartsWith("Uppskattning: månadskostnad × månader från första försenade dag till verkställighet eller avslut (annars till 30 juni 2025)", notes[0]);
        Assert.DoesNotContain(book.Values.SelectMany(s => s).SelectMany(r => r), c => c.Contains("S-1") || c.Contains("19400101") || c.Contains("hemlig"));
        // VisaIText is off by default: the Text sheet says nothing of it.
        Assert.DoesNotContain(book["Text"].SelectMany(r => r), c => c.Contains("särskilda avgift"));

        // Its header row repeats on every printed page in the absolute, quoted form LibreOffice reads (PrintLayout.FixPrintTitles).
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(files.Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path, false))
            Assert.Contains("'Särskild avgift (uppskattning)'!$1:$1", doc.WorkbookPart!.Workbook.DefinedNames!
                .Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().Where(n => n.Name == "_xlnm.Print_Titles").Select(n => n.Text));
        var lss = Xlsx.Read(files.Single(f => f.Path.EndsWith("evb-lss-2025Q2.xlsx")).Path)[AvgiftSheet.Name];
        Assert.Equal(["9 § 4 Biträde av kontaktperson", "1", "1", "2500", "0", "10000", "0", "0", "0"], lss[1]);
    }

    [Fact]
    public void Text_sheet_gets_the_sentence_only_when_the_namnd_turns_it_on()
    {
        ImportSample();
        var text = Xlsx.Read(WriteWithOwnCosts(visaIText: true).Single(f => f.Path.EndsWith("evb-sol-2025Q2.xlsx")).Path)["Text"].Select(r => r[0]).ToList();
        Assert.Contains("En uppskattning av den särskilda avgift som förseningarna skulle kunna motsvara är 204 750 kr för 2 av 3 beslut "
            + "(månadskostnad × försening × 1,25, inom lagens intervall; 1 beslut utan månadskostnad ingår inte). "
            + AvgiftText.NoClaim, text);
    }

    [Fact]
    public void Per_decision_list_lies_owner_only_beside_the_individrapport_with_each_beslut_id()
    {
        ImportSample();
        var inbox = Directory.CreateDirectory(_env.PathOf("inkorg")).FullName;
        var result = new QuarterJob(TestEnv.Settings.For(_env.Db), _env.Clock).Run(Q2, Q2.End, inbox, _env.PathOf("reports"), ivoRoot: _env.PathOf("ivo"));
        var path = Path.Combine(_env.PathOf("ivo"), "2025Q2", "sarskild-avgift-2025Q2.xlsx");
        Assert.Contains(result.Files, f => f.Path == path);
        Assert.DoesNotContain(Directory.GetFiles(_env.PathOf("reports"), "sarskild*", SearchOption.AllDirectories), _ => true);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var rows = Xlsx.Read(path)["Uppskattning per beslut"];
        Assert.Equal(AvgiftList.Columns, rows[0]);
        Assert.Equal([
            ["S-1", "SoL", "Särskilt boende, ÄO", "2025-04-01", "2025-06-16", "2,5", "36 400 kr", "113 750 kr", ""],
            ["S-2", "SoL", "Särskilt boende, ÄO", "2025-05-01", "", "2,0", "36 400 kr", "91 000 kr", ""],
            ["S-3", "SoL", "Annat bistånd, ÄO", "2025-04-16", "", "2,5", "kostnad saknas", "kostnad saknas", "ingår inte i summan"],
            ["L-1", "LSS", "9 § 4 Biträde av kontaktperson", "2025-05-11", "2025-05-12", "0,0", "2 500 kr", "10 000 kr", "höjd till intervallets lägsta belopp"],
        ], rows.Skip(1).Take(4));
        Assert.Contains("SoL: 204 750 kr för 2 av 3 beslut. 1 beslut saknar månadskostnad för sin insats (kostnad saknas) och ingår inte i summorna.", rows.Select(r => r[0]));
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Contains("19400101") || c.Contains("hemlig"));
        // Printed, every page says what it is and which page of how many.
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false);
        var hf = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Elements<DocumentFormat.OpenXml.Spreadsheet.HeaderFooter>().Single();
        Assert.Equal("&CSärskild avgift (uppskattning) per beslut 2025 kv2 – begränsad åtkomst", hf.OddHeader!.Text);
        Assert.Equal("&RSida &P av &N", hf.OddFooter!.Text);
    }

    [Fact]
    public void Ivo_verb_alone_writes_the_per_decision_list_beside_the_individrapport()
    {
        ImportSample();
        var ivo = _env.PathOf("ivo-cli");
        var (code, stdout, stderr) = CliInProcess.Run("ivo", "--period", "2025Q2", "--db", _env.Db.Path, "--out", ivo);
        Assert.True(code == 0, stderr);
        var path = Path.Combine(ivo, "2025Q2", "sarskild-avgift-2025Q2.xlsx");
        Assert.Contains(path, stdout);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(["S-1", "S-2", "S-3", "L-1"], Xlsx.Read(path)["Uppskattning per beslut"].Skip(1).Take(4).Select(r => r[0]));
    }
}
