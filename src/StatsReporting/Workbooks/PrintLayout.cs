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
    /// Column width units across A4 inside the margins below. Excel's unit is a Calibri 11 digit rounded to 7 px
    /// (5.25 pt), LibreOffice's the digit itself (≈5.5 pt with the 5 px padding): the page is counted in the wider one,
    /// so that Calc does not shrink the sheet (it does from about 145 on landscape), and a text's width in the narrower
    /// one, so that Excel does not wrap it.
    public const double PortraitWidth = 92, LandscapeWidth = 140;
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

    /// A column width unit in points (a Calibri 11 digit, 7 px), and what a cell keeps free beside its text.
    private const double UnitPoints = 5.25, CellPadding = 1;

    /// The width in points of a text set on one line in Calibri (Carlito).
    public static double Points(string text, double fontSize, bool bold = false)
    {
        var em = 0;
        foreach (var c in text) em += CalibriWidths.Of(c, bold);
        return em * fontSize / 1000;
    }

    /// The column width (in units) that holds the text on one line.
    public static double WidthFor(string text, double fontSize, bool bold = false) => (Points(text, fontSize, bold) + CellPadding) / UnitPoints;

    /// The widest word of a text (the longest run without a space), as a column width.
    public static double WidestWord(string text, double fontSize, bool bold = false)
    {
        double widest = 0, word = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '\n') { widest = Math.Max(widest, word); word = 0; continue; }
            word += CalibriWidths.Of(c, bold);
        }
        return (Math.Max(widest, word) * fontSize / 1000 + CellPadding) / UnitPoints;
    }

    /// How many lines a text takes in a column, wrapped as Calc wraps: at spaces (not after a '/' or at a soft
    /// hyphen); a word wider than the line is broken inside it.
    public static int Lines(string text, double width, double fontSize, bool bold = false)
    {
        var line = Math.Max(1, (width * UnitPoints - CellPadding) * 1000 / fontSize); // in thousandths of an em
        var count = 1;
        double used = 0, word = 0, gap = 0, space = CalibriWidths.Of(' ', bold);
        void EndWord(double next)
        {
            if (word > 0)
            {
                if (used > 0 && used + gap + word > line) { count++; used = 0; }
                used += (used > 0 ? gap : 0) + word;
                while (used > line) { count++; used -= line; }
            }
            word = 0;
            gap = next;
        }
        foreach (var c in text)
        {
            if (c == ' ') EndWord(space);
            else if (c == '\n') { EndWord(0); count++; used = 0; }
            else word += CalibriWidths.Of(c, bold);
        }
        EndWord(0);
        return count;
    }

    /// Column widths for a table printed at `fontSize` within `page` units (the page's width, each column's padding
    /// taken off), so that no word is broken inside and the rows take few lines:
    /// - a column gets at least its widest word (the header's in bold), up to MaxWordWidth (a longer word, a pasted
    ///   link, still breaks); the sheet's own widths where they fit beside that, else the widest words alone;
    /// - when the widest words do not fit the page, the widest columns are narrowed to one cap (their longest words
    ///   break; a cell's text is never changed, and the sheet keeps its print size);
    /// - what is left of the page goes, half a unit at a time, to the column where it saves the most lines over the
    ///   rows (the first MeasuredRows of them), until no column gains.
    public static double[] FitWidths(IReadOnlyList<double> widths, IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows, double fontSize, double page)
    {
        var n = widths.Count;
        page -= n * ColumnPadding;
        var measured = rows.Take(MeasuredRows).ToList();
        var need = header.Select(h => WidestWord(h, fontSize, bold: true)).ToArray();
        foreach (var row in measured)
            for (var i = 0; i < row.Count && i < n; i++)
                if (row[i].Length > 0)
                    need[i] = Math.Max(need[i], WidestWord(row[i], fontSize));
        static double Round(double w) => Math.Min(Math.Ceiling(w * 2) / 2, MaxWordWidth);
        need = need.Select(Round).ToArray();
        // Wider than the page: the widest columns are narrowed to one cap, so the sheet prints at its size and Calc
        // breaks only their longest words, rather than the cells' text changed or the whole sheet printed smaller.
        if (need.Sum() > page)
        {
            double low = 0, high = need.Max();
            for (var i = 0; i < 40; i++)
            {
                var cap = (low + high) / 2;
                if (need.Sum(w => Math.Min(w, cap)) > page) high = cap; else low = cap;
            }
            need = need.Select(w => Math.Min(w, Math.Floor(low * 2) / 2)).ToArray();
        }
        var own = widths.Select((w, i) => Math.Max(w, need[i])).ToArray();
        var fitted = own.Sum() <= page ? own : need;
        Fill(fitted, measured.Select(r => r.ToArray()).ToList(), fontSize, page);
        return fitted;
    }

    /// Excel's columns are 5 px wider than their width (in units: 5/7), which the page must hold too.
    public const double ColumnPadding = 0.72;
    private const int MeasuredRows = 1000;

    /// Gives the page's rest to the columns where it saves the most lines (see FitWidths). Lines are counted once per
    /// distinct text of a column and width.
    private static void Fill(double[] widths, IReadOnlyList<string[]> rows, double fontSize, double page)
    {
        var n = widths.Length;
        var texts = Enumerable.Range(0, n).Select(_ => new List<string>()).ToArray();
        var index = Enumerable.Range(0, n).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var ids = rows.Select(r => Enumerable.Range(0, n).Select(c =>
        {
            var t = c < r.Length ? r[c] : "";
            if (!index[c].TryGetValue(t, out var id)) { index[c][t] = id = texts[c].Count; texts[c].Add(t); }
            return id;
        }).ToArray()).ToList();
        var memo = new Dictionary<(int, int, int), int>();
        int LinesOf(int c, int id, double w)
        {
            var key = (c, id, (int)Math.Round(w * 2));
            if (!memo.TryGetValue(key, out var lines)) memo[key] = lines = texts[c][id].Length == 0 ? 1 : Lines(texts[c][id], w, fontSize);
            return lines;
        }
        var wraps = Enumerable.Range(0, n).Where(c => Enumerable.Range(0, texts[c].Count).Any(id => LinesOf(c, id, widths[c]) > 1)).ToList();
        int Total(int c, double w) => ids.Sum(r =>
        {
            var lines = 1;
            for (var i = 0; i < n; i++) lines = Math.Max(lines, LinesOf(i, r[i], i == c ? w : widths[i]));
            return lines;
        });
        var total = Total(-1, 0);
        while (widths.Sum() + 0.5 <= page && wraps.Count > 0)
        {
            var rest = page - widths.Sum();
            (int Column, double Step, double Rate) best = (-1, 0, 0);
            foreach (var c in wraps)
                for (var step = 0.5; step <= Math.Min(rest, 10); step += 0.5)
                {
                    var gain = total - Total(c, widths[c] + step);
                    if (gain > 0 && (double)gain / step > best.Rate) best = (c, step, (double)gain / step);
                }
            if (best.Column < 0) break;
            widths[best.Column] += best.Step;
            total = Total(-1, 0);
        }
    }

    public const double MaxWordWidth = 40;
}
