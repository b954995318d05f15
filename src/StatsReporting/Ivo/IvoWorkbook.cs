using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StatsReporting.Reports;

namespace StatsReporting.Ivo;

/// The IVO workbook written as a stream of XML (its sheets through SheetXml) rather than through ClosedXML, which at
/// ~8 000 rows cost half of a quarter's outputs. It writes what the ClosedXML version wrote: text cells in shared
/// strings, a bold header row with a rule under it, wrapped cells aligned to the top, a height per row
/// (PrintLayout.FitHeight), frozen header, auto-filter, and PrintLayout.Page's print layout (landscape A4, one page
/// wide, the header row on every page, page header and "Sida N av M" footer).
public static class IvoWorkbook
{
    /// One sheet: its cells are all text. FontSize is the size the text is written in; the heights are fitted to
    /// IvoFiles' 10 pt as before (the first sheet kept ClosedXML's 11 pt default).
    public sealed record Sheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<double> Widths,
        IReadOnlyList<string[]> Rows, string WhenEmpty, int FontSize);

    private const double FitSize = 10;

    public static void Write(Stream target, IReadOnlyList<Sheet> sheets, string left, Func<string, string> right, DateOnly made)
    {
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new SharedStrings();
            var entries = new Sheets();
            var names = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var s = sheets[i];
                var part = book.AddNewPart<WorksheetPart>();
                WriteSheet(part, s, strings, left, right(s.Name), made);
                entries.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = book.GetIdOfPart(part) });
                var quoted = $"'{s.Name.Replace("'", "''")}'";
                if (s.Rows.Count > 0)
                    names.Append(new DefinedName($"{quoted}!$A$1:${Column(s.Header.Count - 1)}${s.Rows.Count + 1}")
                        { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
                names.Append(new DefinedName($"{quoted}!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i });
            }
            book.Workbook = new Workbook(new BookViews(new WorkbookView()), entries, names);
            strings.Write(book.AddNewPart<SharedStringTablePart>());
        }
        buffer.Position = 0;
        buffer.CopyTo(target);
    }

    private static void WriteSheet(WorksheetPart part, Sheet s, SharedStrings strings, string left, string right, DateOnly made)
    {
        var (body, head) = s.FontSize == 11 ? (1u, 2u) : (4u, 5u);
        var last = Column(s.Header.Count - 1);
        var lastRow = Math.Max(2, s.Rows.Count + 1);
        using var w = new SheetXml(part);
        w.Element(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.Element(new SheetDimension { Reference = $"A1:{last}{lastRow}" });
        w.Element(new SheetViews(new SheetView(new Pane
            { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        w.Element(new SheetFormatProperties { DefaultRowHeight = 15 });
        w.Element(new Columns(s.Widths.Select((width, c) => new Column
            { Min = (uint)c + 1, Max = (uint)c + 1, Width = width + 0.710625, Style = body, CustomWidth = true })));
        w.StartRows();
        w.Row(1, s.Header, head, strings, PrintLayout.LineHeight(FitSize) * Lines(s.Header, s.Widths, bold: true) + 2);
        if (s.Rows.Count == 0) w.Row(2, [s.WhenEmpty], body, strings, null);
        for (var r = 0; r < s.Rows.Count; r++)
            w.Row(r + 2, s.Rows[r], body, strings, PrintLayout.LineHeight(FitSize) * Lines(s.Rows[r], s.Widths, bold: false) + 2);
        w.EndRows();
        if (s.Rows.Count > 0) w.Element(new AutoFilter { Reference = $"A1:{last}{s.Rows.Count + 1}" });
        w.Element(new PageMargins { Left = 0.3, Right = 0.3, Top = 0.8, Bottom = 0.8, Header = 0.3, Footer = 0.3 });
        w.Element(new PageSetup
            { PaperSize = 9, FitToHeight = 0, Orientation = OrientationValues.Landscape, BlackAndWhite = true });
        w.Element(new HeaderFooter(
            new OddHeader($"&L{Code(left)}&R{Code(right)}"),
            new OddFooter($"&LFramtagen {Wording.Date(made)}&RSida &P av &N")));
    }

    private static int Lines(IReadOnlyList<string> texts, IReadOnlyList<double> widths, bool bold)
    {
        var lines = 1;
        for (var i = 0; i < texts.Count; i++) lines = Math.Max(lines, PrintLayout.Lines(texts[i], widths[i], FitSize, bold));
        return lines;
    }

    /// A literal '&' in a page header is written '&&'.
    private static string Code(string text) => text.Replace("&", "&&");

    private static readonly string[] Letters = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];

    internal static string Column(int index) => index < 26 ? Letters[index] : Column(index / 26 - 1) + Letters[index % 26];

    /// Fonts: Calibri 11, bold 11, 10, bold 10. Cell formats: 0 default, 1/2 body/header at 11 pt, 3 plain 10 pt,
    /// 4/5 body/header at 10 pt; body and header wrap and sit at the top, the header has a medium rule below.
    private static Stylesheet Styles()
    {
        static Font Font(int size, bool bold)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = size }, new Color { Rgb = "FF000000" }, new FontName { Val = PrintLayout.Font },
                new FontFamilyNumbering { Val = 2 });
            return font;
        }
        static CellFormat Format(uint font, bool wrap, bool rule) => new(
            new Alignment { Vertical = wrap ? VerticalAlignmentValues.Top : VerticalAlignmentValues.Bottom, WrapText = wrap })
            { FontId = font, FillId = 0, BorderId = rule ? 1u : 0u, FormatId = 0, ApplyAlignment = true, ApplyBorder = rule, ApplyFont = true };
        return new Stylesheet(
            new Fonts(Font(11, false), Font(11, true), Font(10, false), Font(10, true)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                    new BottomBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Medium }, new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(Format(0, false, false), Format(0, true, false), Format(1, true, true), Format(2, false, false),
                Format(2, true, false), Format(3, true, true)),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    /// The shared string table, each distinct text once, written as a stream at the end (also the avgift list's).
    internal sealed class SharedStrings
    {
        private readonly Dictionary<string, string> _index = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];

        /// The text's index as the cell writes it, made once per distinct text (not once per cell).
        public string Index(string text)
        {
            if (!_index.TryGetValue(text, out var i))
            {
                i = _texts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _index.Add(text, i);
                _texts.Add(text);
            }
            return i;
        }

        /// Through an XmlWriter with OpenXmlWriter's settings, the same bytes: OpenXmlWriter made two OpenXml objects per
        /// text, ~2 µs each, a third of the IVO workbook's time at tens of thousands of texts (issue 13).
        public void Write(SharedStringTablePart part)
        {
            const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            var count = _texts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
            using var w = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(true) });
            w.WriteStartDocument();
            w.WriteStartElement("x", "sst", main);
            w.WriteAttributeString("count", count);
            w.WriteAttributeString("uniqueCount", count);
            foreach (var t in _texts)
            {
                w.WriteStartElement("x", "si", main);
                w.WriteStartElement("x", "t", main);
                w.WriteAttributeString("xml", "space", null, "preserve");
                w.WriteString(t);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
    }
}
