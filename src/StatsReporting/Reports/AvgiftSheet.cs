using ClosedXML.Excel;
using StatsReporting.Avgift;

namespace StatsReporting.Reports;

/// The sheet "Särskild avgift (uppskattning)" of a KF workbook: sums per insats, no beslut_id (those are in the
/// restricted list). Landscape A4 at 100 % (10 pt as printed by LibreOffice): the widths add up to less than the printable width.
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
        ws.Style.Font.FontName = "Arial";
        ws.Style.Font.FontSize = 10;
        for (var c = 0; c < Columns.Length; c++)
        {
            ws.Column(c + 1).Width = Widths[c];
            KfWorkbook.SetText(ws.Cell(1, c + 1), Columns[c]);
        }
        if (a.Exempel) KfWorkbook.SetText(ws.Cell(1, 4), "Kr per månad (exempel)");
        var head = ws.Range(1, 1, 1, Columns.Length);
        head.Style.Font.Bold = true;
        head.Style.Alignment.WrapText = true;
        head.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9D9D9");
        ws.Row(1).Height = 40;
        var r = 2;
        if (a.Rows.Count == 0) KfWorkbook.SetText(ws.Cell(r++, 1), "Inga beslut att redovisa");
        foreach (var row in a.Rows)
        {
            Label(ws, r, row.Row.Label);
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
        Label(ws, r, "Totalt (uppskattning)");
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

    private static void Label(IXLWorksheet ws, int r, string text)
    {
        KfWorkbook.SetText(ws.Cell(r, 1), text);
        ws.Cell(r, 1).Style.Alignment.WrapText = true;
        // Calc does not size wrapped rows by itself: one line per ~40 characters at this width.
        ws.Row(r).Height = 13.5 * Math.Max(1, Math.Ceiling(text.Length / 40.0));
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
        ws.Row(r).Height = 13.5 * Math.Max(1, Math.Ceiling(text.Length / (1.0 * ws.Columns(1, columns).Sum(c => c.Width))));
    }

    /// Puts the estimate, made once per run for the report's law, quarter and day (QuarterRecords.Avgift), on a KF
    /// report and, when the nämnd has turned it on, its sentence into the Text sheet.
    public static KfReport Attach(KfReport r, AvgiftReport a, AvgiftSettings s)
    {
        if (a.Lag != r.Lag || a.Period != r.Period || a.AsOf != r.AsOf)
            throw new ArgumentException("Internt fel: avgiftsuppskattningen gäller en annan lag, period eller dag.");
        return r with { Avgift = a, Text = s.VisaIText ? [.. r.Text, "", AvgiftText.Sentence(a)] : r.Text };
    }
}
