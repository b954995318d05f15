using ClosedXML.Excel;
using StatsReporting.Reports;
using StatsReporting.Storage;
using StatsReporting.FileSystem;
using StatsReporting.Decisions;

namespace StatsReporting.Bevakning;

/// bevakning-<today>.xlsx: one sheet per section, grouped by enhet with a subtotal each, laid out for A4 landscape at
/// 100 % (the widths add up to less than the printable width, so the 10 pt text is never shrunk), the header row on
/// every page and "Sida N av M" in the footer. No AdjustToContents (it needs libgdiplus): widths and heights are set.
public static class BevakningWorkbook
{
    public const string SnartSheet = "Närmar sig tre månader", SenaSheet = "Försenade, ej rapporterade";
    public const string NoEnhet = "(utan enhet)";

    public static string FileName(DateOnly today) => $"bevakning-{IsoDate.Format(today)}.xlsx";

    public static string[] Columns(bool snart) =>
        ["Beslut-id", "Lag", "Verksamhet", "Insats", "Enhet", "Klockstart", "Från", "Sista dag", snart ? "Dagar kvar" : "Dagar sena", "Orsak"];

    private static readonly double[] Widths = [11, 5, 12, 26, 16, 11, 7, 11, 6, 24];

    public static void Write(BevakningList list, string path)
    {
        using var wb = new XLWorkbook();
        Sheet(wb, SnartSheet, true, list.Snart, $"Bevakningslista {IsoDate.Format(list.Today)}: beslut som når tre månader inom {list.Days} dagar");
        Sheet(wb, SenaSheet, false, list.Sena, $"Bevakningslista {IsoDate.Format(list.Today)}: redan försenade beslut som kommer med i nästa kvartalsrapport");
        AtomicFile.WriteVia(path, tmp =>
        {
            wb.SaveAs(tmp);
            PrintLayout.FixPrintTitles(tmp);
        });
    }

    private static void Sheet(XLWorkbook wb, string name, bool snart, IReadOnlyList<BevakningItem> items, string title)
    {
        var ws = wb.Worksheets.Add(name);
        ws.Style.Font.FontName = "Arial";
        ws.Style.Font.FontSize = 10;
        var columns = Columns(snart);
        for (var c = 0; c < columns.Length; c++)
        {
            ws.Column(c + 1).Width = Widths[c];
            KfWorkbook.SetText(ws.Cell(1, c + 1), columns[c]);
        }
        var head = ws.Range(1, 1, 1, columns.Length);
        head.Style.Font.Bold = true;
        head.Style.Alignment.WrapText = true;
        head.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9D9D9");
        head.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        ws.Row(1).Height = 27;

        var r = 2;
        if (items.Count == 0) KfWorkbook.SetText(ws.Cell(r++, 1), "Inga beslut.");
        foreach (var group in items.GroupBy(i => i.Enhet).OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var i in group) Item(ws, r++, i);
            Total(ws, r++, $"Summa {group.Key ?? NoEnhet}: {Beslut(group.Count())}", columns.Length);
        }
        Total(ws, r, $"Totalt: {Beslut(items.Count)}", columns.Length);

        ws.SheetView.FreezeRows(1);
        var page = ws.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.Margins.Left = page.Margins.Right = 0.5;
        // Calc clips a footer that lies closer to the page's edge than its text needs: room for one 10 pt line.
        page.Margins.Top = page.Margins.Bottom = 0.9;
        page.Margins.Header = page.Margins.Footer = 0.4;
        page.SetRowsToRepeatAtTop(1, 1);
        page.Header.Center.AddText(title);
        page.Footer.Left.AddText("Utan personuppgifter: beslut-id hittar ärendet i verksamhetssystemet.");
        page.Footer.Right.AddText("Sida ");
        page.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Right.AddText(" av ");
        page.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }

    private static void Item(IXLWorksheet ws, int r, BevakningItem i)
    {
        string[] cells =
        [
            i.BeslutId, i.Lag.ToString(), i.Verksamhet ?? "", i.Insats, i.Enhet ?? "", IsoDate.Format(i.Klockstart)!, i.KlockstartAv,
            IsoDate.Format(i.SistaDag)!, "", i.Orsak ?? "",
        ];
        for (var c = 0; c < cells.Length; c++) KfWorkbook.SetText(ws.Cell(r, c + 1), cells[c]);
        ws.Cell(r, 9).Value = i.Dagar;
        ws.Row(r).Style.Alignment.WrapText = true;
        ws.Row(r).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        // Calc does not size wrapped rows itself: about one character per width unit at 10 pt.
        var lines = Math.Max(Lines(i.Insats, Widths[3]), Math.Max(Lines(i.Orsak, Widths[9]), Lines(i.Enhet, Widths[4])));
        ws.Row(r).Height = 13 * lines;
    }

    private static int Lines(string? text, double width) => Math.Max(1, (int)Math.Ceiling((text?.Length ?? 0) / (width - 1)));

    private static void Total(IXLWorksheet ws, int r, string text, int columns)
    {
        KfWorkbook.SetText(ws.Cell(r, 1), text);
        ws.Row(r).Style.Font.Bold = true;
        ws.Range(r, 1, r, columns).Style.Border.TopBorder = XLBorderStyleValues.Thin;
    }

    private static string Beslut(int n) => $"{n} beslut";
}
