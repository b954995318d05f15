using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StatsReporting.Language;

namespace StatsReporting.Workbooks;

/// Workbooks of text sheets (the IVO individrapport, the särskild avgift list, the bevakningslista) written as a stream
/// of XML (the sheets through SheetXml) rather than through ClosedXML, which at ~8 000 rows cost half of a quarter's
/// outputs: text cells in shared strings (numbers where a sheet says so), a bold header row with a rule under it,
/// wrapped cells aligned to the top, a height per row (PrintLayout.Lines, at the sheet's font size), frozen header,
/// and the print layout of PrintLayout.Page (landscape A4, one page wide at 100 %, the header row on every page, a page header
/// and a footer with the day made and "Sida N av M").
public static class TextWorkbook
{
    /// Every sheet's text, in points: small enough for a landscape page of long texts, never shrunk to fit (a workbook
    /// may ask for a smaller size, at least 9).
    public const double FontSize = 10;

    /// One sheet: its cells are text. `Totals`: rows (indexes into Rows) in bold with a rule above (a subtotal).
    /// `Numbers`: columns written as numbers. `Notes`: lines under the table, each across its width.
    public sealed record Sheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<double> Widths,
        IReadOnlyList<string[]> Rows, string WhenEmpty)
    {
        public IReadOnlySet<int> Totals { get; init; } = new HashSet<int>();
        public IReadOnlySet<int> Numbers { get; init; } = new HashSet<int>();
        public IReadOnlyList<string> Notes { get; init; } = [];
        public bool Filter { get; init; } = true;
    }

    /// The page header's thirds, each from the sheet's name (a third left empty is not written), and the footer's left
    /// (null: the day the workbook was made; empty: nothing).
    public sealed record PageTexts(Func<string, string> Left, Func<string, string> Center, Func<string, string> Right, string? FooterLeft);

    public static void Write(Stream target, IReadOnlyList<Sheet> sheets, PageTexts page, DateOnly made, double fontSize = FontSize)
    {
        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var book = doc.AddWorkbookPart();
            book.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles(fontSize);
            var strings = new SharedStrings();
            var entries = new Sheets();
            var names = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var s = sheets[i];
                var part = book.AddNewPart<WorksheetPart>();
                WriteSheet(part, s, strings, page, made, fontSize);
                entries.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = book.GetIdOfPart(part) });
                var quoted = $"'{s.Name.Replace("'", "''")}'";
                if (s.Filter && s.Rows.Count > 0)
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

    private static void WriteSheet(WorksheetPart part, Sheet s, SharedStrings strings, PageTexts page, DateOnly made, double fontSize)
    {
        // Widened where a word would not fit its column, within the page: Calc breaks a long word inside it.
        // The cells hold their text exactly as it is (an IVO rapportör copies it into IVO's e-service): no invisible
        // break characters; a word too wide for the page is left to the print scale.
        var widths = PrintLayout.FitWidths(s.Widths, s.Header, s.Rows, fontSize, PrintLayout.LandscapeWidth);
        var rows = s.Rows;
        double Height(IReadOnlyList<string> texts, bool bold, bool across = false)
        {
            var lines = 1;
            for (var i = 0; i < texts.Count; i++)
                lines = Math.Max(lines, PrintLayout.Lines(texts[i], across ? widths.Sum() : widths[i], fontSize, bold));
            return PrintLayout.LineHeight(fontSize) * lines + 2;
        }
        var last = Column(s.Header.Count - 1);
        var lastRow = Math.Max(2, s.Rows.Count + 1);
        using var w = new SheetXml(part);
        // Printed at 100 % when the columns fit the page (they do unless a word is wider than PrintLayout.MaxWordWidth):
        // Calc, told to fit the width, shrinks a sheet that fits by a few per cent all the same.
        var shrink = widths.Sum() + widths.Length * PrintLayout.ColumnPadding > PrintLayout.LandscapeWidth;
        if (shrink) w.Element(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.Element(new SheetDimension { Reference = $"A1:{last}{lastRow}" });
        w.Element(new SheetViews(new SheetView(new Pane
            { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        w.Element(new SheetFormatProperties { DefaultRowHeight = 15 });
        w.Element(new Columns(widths.Select((width, c) => new Column
            { Min = (uint)c + 1, Max = (uint)c + 1, Width = width + 0.710625, Style = Body, CustomWidth = true })));
        w.StartRows();
        w.Row(1, s.Header, Head, strings, Height(s.Header, bold: true));
        if (s.Rows.Count == 0) w.Row(2, [s.WhenEmpty], Body, strings, null);
        for (var r = 0; r < rows.Count; r++)
        {
            var total = s.Totals.Contains(r);
            w.Row(r + 2, rows[r], total ? Total : Body, strings, Height(rows[r], bold: total), s.Numbers);
        }
        var firstNote = Math.Max(2, s.Rows.Count + 1) + 2;
        for (var n = 0; n < s.Notes.Count; n++)
            w.Row(firstNote + n, [s.Notes[n]], Body, strings, Height([s.Notes[n]], bold: false, across: true));
        w.EndRows();
        if (s.Filter && s.Rows.Count > 0) w.Element(new AutoFilter { Reference = $"A1:{last}{s.Rows.Count + 1}" });
        // A note runs across the table's width, wrapped (text running past the last column would widen what Calc prints).
        if (s.Notes.Count > 0)
            w.Element(new MergeCells(Enumerable.Range(firstNote, s.Notes.Count).Select(n => new MergeCell { Reference = $"A{n}:{last}{n}" }))
                { Count = (uint)s.Notes.Count });
        w.Element(new PageMargins { Left = 0.3, Right = 0.3, Top = 0.65, Bottom = 0.5, Header = 0.25, Footer = 0.25 });
        w.Element(new PageSetup
            { PaperSize = 9, FitToHeight = shrink ? 0u : null, Orientation = OrientationValues.Landscape, BlackAndWhite = true });
        w.Element(new HeaderFooter(
            new OddHeader(string.Concat(new[] { ("&L", page.Left), ("&C", page.Center), ("&R", page.Right) }
                .Select(h => (h.Item1, Text: h.Item2(s.Name))).Where(h => h.Text.Length > 0).Select(h => h.Item1 + Code(h.Text)))),
            new OddFooter((page.FooterLeft ?? $"Framtagen {Wording.Date(made)}") is { Length: > 0 } left ? $"&L{Code(left)}&RSida &P av &N" : "&RSida &P av &N")));
    }

    /// A literal '&' in a page header is written '&&'.
    private static string Code(string text) => text.Replace("&", "&&");

    private static readonly string[] Letters = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];

    internal static string Column(int index) => index < 26 ? Letters[index] : Column(index / 26 - 1) + Letters[index % 26];

    // Cell formats (Styles): 1 body (wrapped, at the top), 2 header (bold, a medium rule below), 3 total (bold, a thin
    // rule above); 0 is the default.
    private const uint Body = 1, Head = 2, Total = 3;

    /// Fonts: Calibri 11 for the Normal style (its digit is the unit of the column widths, so a smaller text does not
    /// narrow the columns), the text's size, and bold. Cell formats: see Body, Head, Total.
    private static Stylesheet Styles(double fontSize)
    {
        static Font Font(double fontSize, bool bold)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            font.Append(new FontSize { Val = fontSize }, new Color { Rgb = "FF000000" }, new FontName { Val = PrintLayout.Font },
                new FontFamilyNumbering { Val = 2 });
            return font;
        }
        static CellFormat Format(uint font, bool wrap, uint border) => new(
            new Alignment { Vertical = wrap ? VerticalAlignmentValues.Top : VerticalAlignmentValues.Bottom, WrapText = wrap })
            { FontId = font, FillId = 0, BorderId = border, FormatId = 0, ApplyAlignment = true, ApplyBorder = border != 0, ApplyFont = true };
        static Border Rule(bool above) => new(new LeftBorder(), new RightBorder(),
            above ? new TopBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Thin } : new TopBorder(),
            above ? new BottomBorder() : new BottomBorder(new Color { Rgb = "FF000000" }) { Style = BorderStyleValues.Medium }, new DiagonalBorder());
        return new Stylesheet(
            new Fonts(Font(11, false), Font(fontSize, false), Font(fontSize, true)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Rule(above: false), Rule(above: true)),
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(Format(0, false, 0), Format(1, true, 0), Format(2, true, 1), Format(2, true, 2)),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    /// The shared string table, each distinct text once, written as a stream at the end.
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
