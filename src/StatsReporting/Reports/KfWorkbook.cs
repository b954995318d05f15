using ClosedXML.Excel;
using StatsReporting.Reports.Charts;
using StatsReporting.Storage;

namespace StatsReporting.Reports;

/// Writes a KF report as an .xlsx laid out for pasting into a tjänsteskrivelse. Every number is a value, never a
/// formula (ClosedXML 0.95.4 stores formulas without cached results). No AdjustToContents: it needs libgdiplus.
public static class KfWorkbook
{
    private const double LabelWidth = 62, NumberWidth = 15;

    public static void Write(KfReport r, IReadOnlyList<string> findings, string path, IReadOnlyList<ChartImage>? charts = null)
    {
        using var wb = new XLWorkbook();
        WriteTable(wb, r.Sammanstallning);
        WriteOrsaker(wb, r);
        WriteTable(wb, r.Vantetid);
        WriteTable(wb, r.Avbrott);
        WriteTable(wb, r.Jamforelse);
        if (charts is { Count: > 0 }) DiagramSheet.Add(wb, charts);
        if (r.Avgift is { } avgift) Avgift.AvgiftSheet.Add(wb, avgift);
        WriteLines(wb, "Kontroller", "Kontroller", findings.Count == 0 ? ["Inga avvikelser"] : findings);
        WriteLines(wb, "Text", "Utkast till ärendetext", r.Text);
        foreach (var ws in wb.Worksheets)
            ws.PageSetup.Header.Center.AddText($"Ej verkställda gynnande beslut {r.LawName}, {r.Period.Swedish}");
        SaveAtomically(wb, path, charts is { Count: > 0 } ? tmp => DiagramSheet.Embed(tmp, charts) : null);
    }

    /// `finish` completes the saved temporary file (e.g. adds pictures) before it is renamed into place.
    public static void SaveAtomically(XLWorkbook wb, string path, Action<string>? finish = null) => AtomicFile.WriteVia(path, tmp =>
    {
        wb.SaveAs(tmp);
        finish?.Invoke(tmp);
    });

    private static void WriteTable(XLWorkbook wb, ReportTable t)
    {
        var ws = Sheet(wb, t.Sheet, t.Columns.Count + 1);
        Header(ws, [t.LabelHeader, .. t.Columns]);
        var r = 2;
        foreach (var row in t.Rows)
        {
            SetText(ws.Cell(r, 1), row.Label);
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
                ws.Range(r, 1, r, t.Columns.Count + 1).Style.Border.TopBorder = XLBorderStyleValues.Thin;
            }
            r++;
        }
    }

    private static void WriteOrsaker(XLWorkbook wb, KfReport rep)
    {
        var ws = Sheet(wb, "Orsaker", 3);
        ws.Column(2).Width = LabelWidth;
        Header(ws, ["Insats", "Status vid rapporteringstillfället", "Antal"]);
        var r = 2;
        if (rep.Orsaker.Count == 0) SetText(ws.Cell(r, 1), "Inga beslut att redovisa");
        foreach (var block in rep.Orsaker)
        {
            SetText(ws.Cell(r, 1), block.Label);
            SetText(ws.Cell(r, 2), "Totalt");
            ws.Cell(r, 3).Value = block.Total;
            ws.Row(r).Style.Font.Bold = true;
            ws.Range(r, 1, r, 3).Style.Border.TopBorder = XLBorderStyleValues.Thin;
            r++;
            foreach (var line in block.Lines)
            {
                SetText(ws.Cell(r, 1), block.Label);
                ws.Cell(r, 1).Style.Font.FontColor = XLColor.Gray;
                SetText(ws.Cell(r, 2), line.Text);
                ws.Cell(r, 3).Value = line.Count;
                r++;
            }
        }
    }

    private static void WriteLines(XLWorkbook wb, string name, string header, IReadOnlyList<string> lines)
    {
        var ws = Sheet(wb, name, 1);
        ws.Column(1).Width = 110;
        Header(ws, [header]);
        for (var i = 0; i < lines.Count; i++)
        {
            SetText(ws.Cell(i + 2, 1), lines[i]);
            ws.Cell(i + 2, 1).Style.Alignment.WrapText = true;
        }
    }

    private static IXLWorksheet Sheet(XLWorkbook wb, string name, int columns)
    {
        var ws = wb.Worksheets.Add(name);
        ws.Column(1).Width = LabelWidth;
        for (var c = 2; c <= columns; c++) ws.Column(c).Width = NumberWidth;
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Portrait;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.Margins.Left = ws.PageSetup.Margins.Right = 0.6;
        ws.Style.Font.FontName = "Arial";
        ws.Style.Font.FontSize = 10;
        return ws;
    }

    /// ClosedXML 0.95's `Value = text` turns text that looks like a date into one; SetValue(string) keeps a header
    /// "2025-06-30" as text.
    public static void SetText(IXLCell cell, string text) => cell.SetValue(text);

    private static void Header(IXLWorksheet ws, IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++) SetText(ws.Cell(1, i + 1), headers[i]);
        var range = ws.Range(1, 1, 1, headers.Count);
        range.Style.Font.Bold = true;
        range.Style.Alignment.WrapText = true;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9D9D9");
        range.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        for (var c = 2; c <= headers.Count; c++) ws.Cell(1, c).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
    }
}
