using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StatsReporting.Language;

namespace StatsReporting.Workbooks;

/// How a sheet prints: A4, the width fitted to one page, the header row on every page, black on white, a page header
/// with who (left) and what (right, each a line or two: the thirds of a header line are narrow), and a footer with the date made and "Sida N av M". Calc does not recompute the heights of
/// wrapped rows on open (and Excel not for merged cells), so rows that wrap get a height computed here.
public static class PrintLayout
{
    public const string Font = "Calibri"; // LibreOffice prints it with Carlito, metric-compatible
    /// Column width units (a Calibri 11 digit, 7 px = 5.25 pt) across A4 inside the margins below.
    public const double PortraitWidth = 92, LandscapeWidth = 150;
    private const double MarginInches = 0.5, LandscapeMarginInches = 0.3;

    public static void Page(IXLWorksheet ws, bool landscape, string left, string right, DateOnly made, bool repeatHeader = true)
    {
        var p = ws.PageSetup;
        p.PaperSize = XLPaperSize.A4Paper;
        p.PageOrientation = landscape ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        p.FitToPages(1, 0);
        p.Margins.Left = p.Margins.Right = landscape ? LandscapeMarginInches : MarginInches;
        p.Margins.Top = p.Margins.Bottom = 0.8;
        p.Margins.Header = p.Margins.Footer = 0.3;
        if (repeatHeader) p.SetRowsToRepeatAtTop(1, 1);
        p.BlackAndWhite = true;
        p.Header.Left.AddText(left);
        p.Header.Right.AddText(right);
        p.Footer.Left.AddText($"Framtagen {Wording.Date(made)}");
        p.Footer.Right.AddText("Sida ");
        p.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        p.Footer.Right.AddText(" av ");
        p.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }

    /// ClosedXML 0.95 writes the repeated rows as "Orsaker!1:1", which LibreOffice ignores: it wants the absolute,
    /// quoted form Excel writes, "'Orsaker'!$1:$1". Rewrites them in a saved workbook (a file or a seekable stream);
    /// the one helper for every workbook we write (KF, IVO, bevakning, the avgift list).
    public static void FixPrintTitles(string xlsx)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, isEditable: true);
        FixPrintTitles(doc);
    }

    public static void FixPrintTitles(Stream xlsx)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, isEditable: true);
        FixPrintTitles(doc);
    }

    public static void FixPrintTitles(SpreadsheetDocument doc)
    {
        var names = doc.WorkbookPart?.Workbook.DefinedNames?.Elements<DefinedName>().Where(n => n.Name?.Value == "_xlnm.Print_Titles") ?? [];
        foreach (var name in names)
            if (System.Text.RegularExpressions.Regex.Match(name.Text, @"^'?(.+?)'?!\$?(\d+):\$?(\d+)$") is { Success: true } m)
                name.Text = $"'{m.Groups[1].Value.Replace("''", "'").Replace("'", "''")}'!${m.Groups[2].Value}:${m.Groups[3].Value}";
        doc.WorkbookPart?.Workbook.Save();
    }

    /// Saves the workbook to a stream with its print titles fixed (FixPrintTitles).
    public static void Save(XLWorkbook wb, Stream target)
    {
        using var buffer = new MemoryStream();
        wb.SaveAs(buffer);
        FixPrintTitles(buffer);
        buffer.Position = 0;
        buffer.CopyTo(target);
    }

    /// The header row: bold, wrapped, a rule under it; its height fits its longest header.
    public static void HeaderRow(IXLWorksheet ws, IReadOnlyList<string> headers, IReadOnlyList<double> widths, double fontSize)
    {
        for (var i = 0; i < headers.Count; i++) ws.Cell(1, i + 1).SetValue(headers[i]);
        var range = ws.Range(1, 1, 1, headers.Count);
        range.Style.Font.Bold = true;
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Bottom;
        range.Style.Border.BottomBorder = XLBorderStyleValues.Medium;
        FitHeight(ws.Row(1), headers, widths, fontSize, bold: true);
    }

    /// Sets the row's height to hold its tallest wrapped cell.
    public static void FitHeight(IXLRow row, IReadOnlyList<string> texts, IReadOnlyList<double> widths, double fontSize, bool bold = false)
    {
        var lines = texts.Select((t, i) => Lines(t, widths[i], fontSize, bold)).DefaultIfEmpty(1).Max();
        row.Height = LineHeight(fontSize) * lines + 2;
    }

    public static double LineHeight(double fontSize) => Math.Ceiling(fontSize * 1.25 * 4) / 4;

    /// How many lines a text takes in a column when wrapped at spaces and after '/' (as Calc does). Calibri's average
    /// letter is about 0.4 em (bold 0.44); a word longer than a line breaks inside it.
    public static int Lines(string text, double width, double fontSize, bool bold = false)
    {
        var perLine = Math.Max(4, (int)(width * 7 * 0.75 / (fontSize * (bold ? 0.44 : 0.40))));
        // Most cells (codes, dates) are shorter than a line: one line, without splitting them up.
        if (text.Length <= perLine && !text.Contains('\n')) return 1;
        var count = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            count++;
            var used = 0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // The word's parts, each ending after a '/' (the last may not); counted in place, as thousands of
                // rows are measured per IVO workbook.
                for (var start = 0; start < word.Length;)
                {
                    var slash = word.IndexOf('/', start);
                    var length = (slash < 0 ? word.Length : slash + 1) - start;
                    var gap = start == 0 && used > 0 ? 1 : 0;
                    if (used > 0 && used + gap + length > perLine) { count++; used = 0; gap = 0; }
                    used += gap + length;
                    while (used > perLine) { count++; used -= perLine; }
                    start += length;
                }
            }
        }
        return Math.Max(1, count);
    }
}
