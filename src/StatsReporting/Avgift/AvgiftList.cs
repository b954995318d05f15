using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StatsReporting.Decisions;
using StatsReporting.Ivo;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.FileSystem;

namespace StatsReporting.Avgift;

/// The estimate per decision (beslut_id), for ivo and admin only: written owner-only beside the individrapport.
/// Written as a stream of XML (through SheetXml, like IvoWorkbook), not through ClosedXML, which at ~8 000 rows
/// cost most of a second: text cells in shared strings, Arial 10, a bold wrapped header row 40 pt high, wrapped rows
/// at the top with a height each, the notes merged across the table, frozen header, landscape A4 one page wide with
/// the header row on every page and a page header saying the access is restricted.
public static class AvgiftList
{
    public const string SheetName = "Uppskattning per beslut";

    public static string FileName(Period q) => $"sarskild-avgift-{q}.xlsx";

    public static readonly string[] Columns =
    [
        "Beslut-id", "Lag", "Insats", "Första försenade dag", "Verkställt/avslutat", "Månader försening", "Kr per månad",
        "Uppskattning kr", "Anmärkning",
    ];

    private static readonly double[] Widths = [11, 5, 32, 11, 11, 10, 11, 13, 21];

    // Cell formats (Styles): 0 plain, 1 header (bold, wrapped), 2 body and notes (wrapped, at the top).
    private const uint Plain = 0, Head = 1, Body = 2;

    public static WrittenFile Write(IReadOnlyList<AvgiftReport> reports, Period q, string folder)
    {
        var rows = reports.SelectMany(a => a.Items).Select(i => new[]
        {
            i.BeslutId, i.Row.Lag.ToString(), i.Row.Label, IsoDate.Format(i.FirstLateDay)!, IsoDate.Format(i.Done) ?? "",
            AvgiftText.Months(i.Months), i.MonthlyCostKr is { } cost ? AvgiftText.Kr(cost) : AvgiftText.Saknas,
            i.Kr is { } kr ? AvgiftText.Kr(kr) : AvgiftText.Saknas, Remark(i),
        }).ToList();
        var notes = reports.SelectMany(a => AvgiftText.Notes(a).Take(1).Prepend($"{a.Lag}: {AvgiftText.Kr(a.TotalKr)} för {a.WithCost} av {a.Items.Count} beslut. {AvgiftText.ExcludedLine(a)}"))
            .Append(AvgiftText.NoClaim).Concat(reports.Any(a => a.Exempel) ? [AvgiftText.ExampleCosts] : []).ToList();
        var path = Path.Combine(folder, FileName(q));
        RestrictedFiles.Write(path, target =>
        {
            using var buffer = new MemoryStream();
            using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
            {
                var book = doc.AddWorkbookPart();
                book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
                var strings = new IvoWorkbook.SharedStrings();
                var sheet = book.AddNewPart<WorksheetPart>();
                WriteSheet(sheet, rows, notes, strings, $"Särskild avgift (uppskattning) per beslut {q.Swedish} – begränsad åtkomst");
                book.Workbook = new Workbook(new BookViews(new WorkbookView()),
                    new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = book.GetIdOfPart(sheet) }),
                    new DefinedNames(new DefinedName($"'{SheetName}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
                strings.Write(book.AddNewPart<SharedStringTablePart>());
            }
            buffer.Position = 0;
            buffer.CopyTo(target);
        });
        return new("Särskild avgift, uppskattning per beslut (xlsx)", path);
    }

    private static void WriteSheet(WorksheetPart part, List<string[]> rows, List<string> notes, IvoWorkbook.SharedStrings strings, string header)
    {
        var last = IvoWorkbook.Column(Columns.Length - 1);
        var r = 1;
        using var w = new SheetXml(part);
        w.Element(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.Element(new SheetViews(new SheetView(new Pane
            { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        w.Element(new SheetFormatProperties { DefaultRowHeight = 12.75 });
        w.Element(new DocumentFormat.OpenXml.Spreadsheet.Columns(Widths.Select((width, c) => new Column
            { Min = (uint)c + 1, Max = (uint)c + 1, Width = width + 0.710625, CustomWidth = true })));
        w.StartRows();
        w.Row(r++, Columns, Head, strings, 40);
        // Calc does not size wrapped rows itself: about one character per width unit at 10 pt.
        foreach (var cells in rows) w.Row(r++, cells, Body, strings, 13 * Math.Max(Lines(cells[2], Widths[2]), Lines(cells[8], Widths[8])));
        if (rows.Count == 0) w.Row(r++, ["Inga beslut att redovisa"], Plain, strings, null);
        var firstNote = ++r;
        // A note runs across the table's width, wrapped (text running past the last column would widen what Calc prints).
        foreach (var note in notes) w.Row(r++, [note], Body, strings, 13.5 * Math.Max(1, Math.Ceiling(note.Length / Widths.Sum())));
        w.EndRows();
        w.Element(new MergeCells(Enumerable.Range(firstNote, notes.Count).Select(n => new MergeCell { Reference = $"A{n}:{last}{n}" })) { Count = (uint)notes.Count });
        w.Element(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        w.Element(new PageSetup { PaperSize = 9, FitToHeight = 0, Orientation = OrientationValues.Landscape });
        w.Element(new HeaderFooter(new OddHeader($"&C{header.Replace("&", "&&")}"), new OddFooter("&RSida &P av &N")));
    }

    /// Fonts: Arial 10, bold 10. Cell formats: see Plain, Head, Body.
    private static Stylesheet Styles()
    {
        static Font Font(bool bold)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = 10 }, new Color { Rgb = "FF000000" }, new FontName { Val = "Arial" }, new FontFamilyNumbering { Val = 2 });
            return font;
        }
        static CellFormat Format(uint font, bool wrap, bool top) => new(
            new Alignment { Vertical = top ? VerticalAlignmentValues.Top : VerticalAlignmentValues.Bottom, WrapText = wrap })
            { FontId = font, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = wrap, ApplyFont = true };
        return new Stylesheet(
            new Fonts(Font(false), Font(true)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(Format(0, false, false), Format(1, true, false), Format(0, true, true)),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static int Lines(string text, double width) => Math.Max(1, (int)Math.Ceiling(text.Length / (width - 1)));

    private static string Remark(AvgiftItem i) => i.Clamp switch
    {
        _ when i.Kr is null => "ingår inte i summan",
        Clamp.UpToMin => "höjd till intervallets lägsta belopp",
        Clamp.DownToMax => "sänkt till intervallets högsta belopp",
        _ => "",
    };
}
