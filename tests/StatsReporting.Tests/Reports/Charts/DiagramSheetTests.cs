using System.IO.Compression;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;

namespace StatsReporting.Tests.Reports.Charts;

/// The Diagram sheet carries the charts inside each KF workbook, and the zip carries everything a controller sends on.
public class DiagramSheetTests(ChartedReports r) : IClassFixture<ChartedReports>
{
    [Theory]
    [InlineData(Lag.SoL)]
    [InlineData(Lag.LSS)]
    public void Diagram_sheet_opened_again_with_ClosedXML_holds_the_four_charts(Lag lag)
    {
        using var wb = Support.Xlsx.Open(r.Workbook(lag));
        var sheet = wb.Worksheet(DiagramSheet.Name);
        Assert.Equal(4, sheet.Pictures.Count);
        Assert.Equal(["Diagram 1", "Diagram 2", "Diagram 3", "Diagram 4"], sheet.Pictures.Select(p => p.Name));
        Assert.Equal("Diagram 1. Kön per insats", sheet.Cell(2, 1).GetString());
    }

    [Theory]
    [InlineData(Lag.SoL, "sol")]
    [InlineData(Lag.LSS, "lss")]
    public void Workbook_pictures_are_the_chart_files_with_their_titles_as_alt_text(Lag lag, string prefix)
    {
        using var doc = SpreadsheetDocument.Open(r.Workbook(lag), isEditable: false);
        var drawings = doc.WorkbookPart!.WorksheetParts.Single(p => p.DrawingsPart is not null).DrawingsPart!;
        var pictures = drawings.WorksheetDrawing.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.Picture>().ToList();
        var charts = lag == Lag.SoL ? r.Sol : r.Lss;
        Assert.Equal(charts.Select(c => c.Title), pictures.Select(p => p.NonVisualPictureProperties!.NonVisualDrawingProperties!.Description!.Value));
        var embedded = pictures.Select(p => Bytes(drawings.GetPartById(p.BlipFill!.Blip!.Embed!.Value!))).ToList();
        Assert.Equal(new[] { "kon", "trend", "orsaker", "vantetid" }.Select(c => File.ReadAllBytes(r.ChartFile($"{prefix}-{c}.png"))), embedded);
    }

    [Fact]
    public void Zip_holds_both_workbooks_and_every_chart()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(r.PeriodDir, "evb-2025Q2.zip"));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("evb-sol-2025Q2.xlsx", names);
        Assert.Contains("evb-lss-2025Q2.xlsx", names);
        Assert.Equal(16, names.Count(n => n.StartsWith("diagram/", StringComparison.Ordinal)));
        Assert.Contains("diagram/lss-vantetid.svg", names);
        Assert.Contains("kontroller-2025Q2.json", names);
        Assert.Equal(19, names.Count);
        Assert.Equal(new FileInfo(r.Workbook(Lag.SoL)).Length, zip.GetEntry("evb-sol-2025Q2.xlsx")!.Length);
    }

    [Fact]
    public void Written_files_name_every_chart_and_the_zip_and_leave_no_temporary_files()
    {
        Assert.Contains(r.Files, f => f.Kind == "Diagram SoL, kön per insats (PNG)" && f.Path == r.ChartFile("sol-kon.png"));
        Assert.Contains(r.Files, f => f.Kind == "Diagram LSS, väntetid (SVG)" && f.Path == r.ChartFile("lss-vantetid.svg"));
        Assert.Equal(Path.Combine(r.PeriodDir, "evb-2025Q2.zip"), r.Files[^1].Path);
        Assert.Equal(21, r.Files.Count);
        Assert.All(r.Files, f => Assert.True(File.Exists(f.Path), f.Path));
        Assert.Empty(Directory.EnumerateFiles(r.PeriodDir, ".*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Zip_takes_the_findings_file_when_it_exists()
    {
        using var env = new Support.TestEnv();
        env.Importer().Import(Support.TestEnv.SampleCsv);
        var dir = Directory.CreateDirectory(env.PathOf("reports/2025Q2")).FullName;
        File.WriteAllText(Path.Combine(dir, "kontroller-2025Q2.json"), "[]");
        env.Reports().Write(ChartedReports.Q, ChartedReports.AsOf, env.PathOf("reports"));
        using var zip = ZipFile.OpenRead(Path.Combine(dir, "evb-2025Q2.zip"));
        Assert.Equal("[]", new StreamReader(zip.GetEntry("kontroller-2025Q2.json")!.Open()).ReadToEnd());
    }

    private static byte[] Bytes(OpenXmlPart part)
    {
        using var s = part.GetStream();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
