using ClosedXML.Excel;
using StatsReporting.Avgift;
using StatsReporting.Workbooks;

namespace StatsReporting.Reports;

/// The sheet "Särskild avgift (uppskattning)" of a KF workbook, only when the costs are the kommun's own
/// (Avgift:Exempel false): sums per insats, no beslut_id (those are in the restricted list). Styled like every other
/// KF sheet (Calibri 11 on white, the header row of PrintLayout, headers right-aligned over numbers); landscape A4
/// at 100 %: the widths add up to less than the printable width.
public static class AvgiftSheet
{
    public const string Name = "Särskild avgift (uppskattning)";

    public static readonly string[] Columns =
    [
        "Insats", "Beslut", "Varav med kostnad", "Kr per månad", "Månader försening (summa)", "Uppskattning kr",
        "Försening över 6 mån", "Över 9 mån", "Över 12 mån",
    ];

    private static readonly double[] Widths = [40, 8, 10, 13, 12, 14, 11, 9, 9];

    public static void Add(XLWorkbook wb, AvgiftReport a)
    {
        var ws = wb.Worksheets.Add(Name);
        for (var c = 0; c < Columns.Length; c++) ws.Column(c + 1).Width = Widths[c];
        PrintLayout.HeaderRow(ws, Columns, Widths, KfWorkbook.FontSize);
        ws.Range(1, 2, 1, Columns.Length).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        var r = 2;
        if (a.Rows.Count == 0) KfWorkbook.SetText(ws.Cell(r++, 1), "Inga beslut att redovisa");
        foreach (var row in a.Rows)
        {
            Label(ws, r, row.Row.Label, bold: false);
            ws.Cell(r, 2).Value = row.Beslut;
            ws.Cell(r, 3).Value = row.MedKostnad;
            if (row.MonthlyCostKr is { } cost) Number(ws.Cell(r, 4), cost);
            else KfWorkbook.SetText(ws.Cell(r, 4), AvgiftText.Saknas);
            Number(ws.Cell(r, 5), row.Months, "0.0");
            if (row.MedKostnad > 0) Number(ws.Cell(r, 6), row.Kr);
            else KfWorkbook.SetText(ws.Cell(r, 6), AvgiftText.Saknas);
            ws.Cell(r, 7).Value = row.Over6;
            ws.Cell(r, 8).Value = row.Over9;
            ws.Cell(r, 9).Value = row.Over12;
            r++;
        }
        Label(ws, r, "Totalt (uppskattning)", bold: true);
        ws.Cell(r, 2).Value = a.Items.Count;
        ws.Cell(r, 3).Value = a.WithCost;
        Number(ws.Cell(r, 5), a.Rows.Sum(x => x.Months), "0.0");
        Number(ws.Cell(r, 6), a.TotalKr);
        ws.Cell(r, 7).Value = a.Rows.Sum(x => x.Over6);
        ws.Cell(r, 8).Value = a.Rows.Sum(x => x.Over9);
        ws.Cell(r, 9).Value = a.Rows.Sum(x => x.Over12);
        ws.Row(r).Style.Font.Bold = true;
        ws.Range(r, 1, r, Columns.Length).Style.Border.TopBorder = XLBorderStyleValues.Thin;
        ws.Range(2, 2, r, Columns.Length).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        r += 2;
        foreach (var note in AvgiftText.Notes(a)) Note(ws, r++, note, Columns.Length);

        // How it prints (A4 landscape, header row repeated, header and footer) is set with every other KF sheet, in KfWorkbook.
        ws.SheetView.FreezeRows(1);
    }

    private static void Label(IXLWorksheet ws, int r, string text, bool bold)
    {
        KfWorkbook.SetText(ws.Cell(r, 1), text);
        ws.Cell(r, 1).Style.Alignment.WrapText = true;
        PrintLayout.FitHeight(ws.Row(r), [text], Widths, KfWorkbook.FontSize, bold);
    }

    private static void Number(IXLCell cell, decimal value, string format = "#,##0")
    {
        cell.Value = value;
        cell.Style.NumberFormat.Format = format;
    }

    /// A line of text across the table's width, wrapped (text running past the last column would widen what Calc prints).
    public static void Note(IXLWorksheet ws, int r, string text, int columns)
    {
        var range = ws.Range(r, 1, r, columns).Merge();
        KfWorkbook.SetText(range.FirstCell(), text);
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        PrintLayout.FitHeight(ws.Row(r), [text], [ws.Columns(1, columns).Sum(c => c.Width)], KfWorkbook.FontSize);
    }

    /// Puts the estimate, made once per run for the report's law, quarter and day (QuarterRecords.Avgift), on a KF
    /// report and, when the nämnd has turned it on and the costs are its own, its sentence into the Text sheet.
    public static KfReport Attach(KfReport r, AvgiftReport a, AvgiftSettings s)
    {
        if (a.Lag != r.Lag || a.Period != r.Period || a.AsOf != r.AsOf)
            throw new ArgumentException("Internt fel: avgiftsuppskattningen gäller en annan lag, period eller dag.");
        return r with { Avgift = a, Text = s.VisaIText && !a.Exempel ? [.. r.Text, "", AvgiftText.Sentence(a)] : r.Text };
    }
}
