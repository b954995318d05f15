using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using StatsReporting.Reports.Charts;
using StatsReporting.FileSystem;
using StatsReporting.Workbooks;
using StatsReporting.Language;

namespace StatsReporting.Reports;

/// Writes a KF report as an .xlsx laid out for pasting into a tjänsteskrivelse and for printing (PrintLayout). Every
/// number is a value, never a formula (ClosedXML 0.95.4 stores formulas without cached results). No
/// AdjustToContents: it needs libgdiplus; widths and heights are computed from the texts.
public static class KfWorkbook
{
    public const double FontSize = 11, NumberWidth = 12, TextWidth = 90;
    private const double MinLabelWidth = 24;

    public static void Write(KfReport r, IReadOnlyList<string> findings, string path, IReadOnlyList<ChartImage>? charts = null,
        DateOnly? made = null, string? kommun = null, string? namnd = null)
    {
        using var wb = new XLWorkbook();
        wb.Style.Font.FontName = PrintLayout.Font;
        wb.Style.Font.FontSize = FontSize;
        WriteTable(wb, r.Sammanstallning);
        WriteOrsaker(wb, r);
        WriteTable(wb, r.Vantetid);
        WriteTable(wb, r.Avbrott);
        WriteTable(wb, r.Jamforelse);
        if (charts is { Count: > 0 }) DiagramSheet.Add(wb, charts);
        // Only with the kommun's own costs: the sample's example costs are invented money, not for KF.
        if (r.Avgift is { Exempel: false } avgift) AvgiftSheet.Add(wb, avgift);
        WriteLines(wb, "Kontroller", "Kontroller", findings.Count == 0 ? ["Inga avvikelser"] : findings);
        WriteLines(wb, "Text", "Utkast till ärendetext", r.Text, bold: r.Text.Count > 0 ? r.Text[0] : null);
        var who = string.Join("\n", new[] { kommun, namnd }.Where(x => !string.IsNullOrEmpty(x)));
        // The avgift sheet's nine columns need the width of a landscape page to print at 10 pt.
        foreach (var ws in wb.Worksheets)
            PrintLayout.Page(ws, landscape: ws.Name == AvgiftSheet.Name, who, $"Ej verkställda gynnande beslut {r.LawName}\n{Wording.Quarter(r.Period)}: {ws.Name}",
                made ?? DateOnly.FromDateTime(DateTime.Now), repeatHeader: ws.Name != DiagramSheet.Name);
        SaveAtomically(wb, path, charts is { Count: > 0 } ? doc => DiagramSheet.Embed(doc, charts) : null);
    }

    /// Saved in memory, then opened once to fix the print titles and let `finish` complete it (e.g. add pictures),
    /// and only then written to the file, renamed into place: the zip is not written and read back from disk twice.
    public static void SaveAtomically(XLWorkbook wb, string path, Action<SpreadsheetDocument>? finish = null)
    {
        using var buffer = new MemoryStream();
        wb.SaveAs(buffer);
        using (var doc = SpreadsheetDocument.Open(buffer, isEditable: true))
        {
            PrintLayout.FixPrintTitles(doc);
            finish?.Invoke(doc);
        }
        AtomicFile.Write(path, s => buffer.WriteTo(s));
    }

    /// The label column is as wide as its longest label, up to what the page leaves beside the numbers; longer
    /// labels wrap.
    public static double LabelWidth(IEnumerable<string> labels, double rest) =>
        Math.Min(Math.Max(labels.Max(l => l.Length) + 3, MinLabelWidth), PrintLayout.PortraitWidth - rest);

    internal static void WriteTable(XLWorkbook wb, ReportTable t)
    {
        var ws = wb.Worksheets.Add(t.Sheet);
        var numbers = t.Columns.Count > 4 ? NumberWidth - 1 : NumberWidth;
        double[] widths = [LabelWidth(t.Rows.Select(r => r.Label), t.Columns.Count * numbers), .. t.Columns.Select(_ => numbers)];
        Columns(ws, widths);
        PrintLayout.HeaderRow(ws, [t.LabelHeader, .. t.Columns], widths, FontSize);
        for (var c = 2; c <= widths.Length; c++) ws.Cell(1, c).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        var r = 2;
        foreach (var row in t.Rows)
        {
            SetText(ws.Cell(r, 1), row.Label);
            ws.Cell(r, 1).Style.Alignment.WrapText = true;
            for (var i = 0; i < row.Values.Count; i++)
            {
                var cell = ws.Cell(r, i + 2);
                // A row whose total is zero prints '-' throughout, as the protocol does.
                if (row.IsZero && row.Values[i] is not null) SetText(cell, "-");
                else if (row.Values[i] is { } v) cell.Value = v;
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            }
            if (row.Kind != RowKind.Detail)
            {
                ws.Row(r).Style.Font.Bold = true;
                ws.Range(r, 1, r, widths.Length).Style.Border.TopBorder = XLBorderStyleValues.Thin;
            }
            PrintLayout.FitHeight(ws.Row(r), [row.Label], widths, FontSize, bold: row.Kind != RowKind.Detail);
            r++;
        }
    }

    private static void WriteOrsaker(XLWorkbook wb, KfReport rep)
    {
        var ws = wb.Worksheets.Add("Orsaker");
        var insats = Math.Min(LabelWidth(rep.Orsaker.Select(b => b.Label).DefaultIfEmpty("Inga beslut att redovisa"), 0), 34);
        double[] widths = [insats, PrintLayout.PortraitWidth - insats - 7, 7];
        Columns(ws, widths);
        PrintLayout.HeaderRow(ws, ["Insats", "Status vid rapporteringstillfället", "Antal"], widths, FontSize);
        ws.Cell(1, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        ws.Columns(1, 2).Style.Alignment.WrapText = true;
        ws.Columns(1, 3).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        var r = 2;
        if (rep.Orsaker.Count == 0) SetText(ws.Cell(r, 1), "Inga beslut att redovisa");
        foreach (var block in rep.Orsaker)
        {
            // The insats is written on every line (black), so that a filtered or re-sorted sheet still says what a line is.
            foreach (var (text, count, sum) in block.Lines.Select(l => (l.Text, l.Count, false)).Prepend(("Totalt", block.Total, true)))
            {
                SetText(ws.Cell(r, 1), block.Label);
                SetText(ws.Cell(r, 2), text);
                ws.Cell(r, 3).Value = count;
                if (sum)
                {
                    ws.Row(r).Style.Font.Bold = true;
                    ws.Range(r, 1, r, 3).Style.Border.TopBorder = XLBorderStyleValues.Thin;
                }
                PrintLayout.FitHeight(ws.Row(r), [block.Label, text], widths, FontSize, bold: sum);
                r++;
            }
        }
    }

    /// One paragraph per cell, wrapped, with the row as high as the paragraph; an empty line is a small gap.
    private static void WriteLines(XLWorkbook wb, string name, string header, IReadOnlyList<string> lines, string? bold = null)
    {
        var ws = wb.Worksheets.Add(name);
        double[] widths = [TextWidth];
        Columns(ws, widths);
        // Wrapped at the top: set on the column, which every cell made after takes, rather than cell by cell (two
        // style changes per line were a third of the workbook's time with the hundreds of Kontroller lines; issue 13).
        ws.Column(1).Style.Alignment.SetWrapText(true).Alignment.SetVertical(XLAlignmentVerticalValues.Top);
        PrintLayout.HeaderRow(ws, [header], widths, FontSize);
        for (var i = 0; i < lines.Count; i++)
        {
            var cell = ws.Cell(i + 2, 1);
            SetText(cell, lines[i]);
            if (lines[i] == bold) cell.Style.Font.Bold = true;
            if (lines[i].Length == 0) ws.Row(i + 2).Height = PrintLayout.LineHeight(FontSize) / 2;
            else PrintLayout.FitHeight(ws.Row(i + 2), [lines[i]], widths, FontSize, bold: lines[i] == bold);
        }
    }

    private static void Columns(IXLWorksheet ws, IReadOnlyList<double> widths)
    {
        for (var c = 0; c < widths.Count; c++) ws.Column(c + 1).Width = widths[c];
        ws.SheetView.FreezeRows(1);
    }

    /// ClosedXML 0.95's `Value = text` turns text that looks like a date into one; SetValue(string) keeps a header
    /// "2025-06-30" as text.
    public static void SetText(IXLCell cell, string text) => cell.SetValue(text);
}
