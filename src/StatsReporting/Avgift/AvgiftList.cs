using ClosedXML.Excel;
using StatsReporting.Decisions;
using StatsReporting.Reports;
using StatsReporting.Storage;

namespace StatsReporting.Avgift;

/// The estimate per decision (beslut_id), for ivo and admin only: written owner-only beside the individrapport.
public static class AvgiftList
{
    public static string FileName(Period q) => $"sarskild-avgift-{q}.xlsx";

    public static readonly string[] Columns =
    [
        "Beslut-id", "Lag", "Insats", "Första försenade dag", "Verkställt/avslutat", "Månader försening", "Kr per månad",
        "Uppskattning kr", "Anmärkning",
    ];

    private static readonly double[] Widths = [11, 5, 32, 11, 11, 10, 11, 13, 21];

    public static WrittenFile Write(IReadOnlyList<Decision> decisions, Period q, DateOnly asOf, Catalog catalog, AvgiftSettings s, string folder) =>
        Write([AvgiftReport.Build(decisions, Lag.SoL, q, asOf, catalog, s), AvgiftReport.Build(decisions, Lag.LSS, q, asOf, catalog, s)], q, folder);

    public static WrittenFile Write(IReadOnlyList<AvgiftReport> reports, Period q, string folder)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("Uppskattning per beslut");
        ws.Style.Font.FontName = "Arial";
        ws.Style.Font.FontSize = 10;
        for (var c = 0; c < Columns.Length; c++)
        {
            KfWorkbook.SetText(ws.Cell(1, c + 1), Columns[c]);
            ws.Column(c + 1).Width = Widths[c];
        }
        ws.Range(1, 1, 1, Columns.Length).Style.Font.Bold = true;
        ws.Range(1, 1, 1, Columns.Length).Style.Alignment.WrapText = true;
        ws.Row(1).Height = 40;
        var r = 2;
        foreach (var i in reports.SelectMany(a => a.Items))
        {
            string[] cells =
            [
                i.BeslutId, i.Row.Lag.ToString(), i.Row.Label, DecisionStore.Iso(i.FirstLateDay)!, DecisionStore.Iso(i.Done) ?? "",
                AvgiftText.Months(i.Months), i.MonthlyCostKr is { } cost ? AvgiftText.Kr(cost) : AvgiftText.Saknas,
                i.Kr is { } kr ? AvgiftText.Kr(kr) : AvgiftText.Saknas, Remark(i),
            ];
            for (var c = 0; c < cells.Length; c++) KfWorkbook.SetText(ws.Cell(r, c + 1), cells[c]);
            ws.Row(r).Style.Alignment.WrapText = true;
            ws.Row(r).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            // Calc does not size wrapped rows itself: about one character per width unit at 10 pt.
            ws.Row(r).Height = 13 * Math.Max(Lines(cells[2], Widths[2]), Lines(cells[8], Widths[8]));
            r++;
        }
        if (r == 2) KfWorkbook.SetText(ws.Cell(r++, 1), "Inga beslut att redovisa");
        r++;
        foreach (var line in reports.SelectMany(a => AvgiftText.Notes(a).Take(1).Prepend($"{a.Lag}: {AvgiftText.Kr(a.TotalKr)} för {a.WithCost} av {a.Items.Count} beslut. {AvgiftText.ExcludedLine(a)}"))
                     .Append(AvgiftText.NoClaim).Concat(reports.Any(a => a.Exempel) ? [AvgiftText.ExampleCosts] : []))
            AvgiftSheet.Note(ws, r++, line, Columns.Length);
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
        ws.PageSetup.Margins.Left = ws.PageSetup.Margins.Right = 0.5;
        ws.PageSetup.Header.Center.AddText($"Särskild avgift (uppskattning) per beslut {q.Swedish} – begränsad åtkomst");
        var path = Path.Combine(folder, FileName(q));
        using var xlsx = new MemoryStream();
        wb.SaveAs(xlsx);
        PrintLayout.FixPrintTitles(xlsx);
        RestrictedFiles.Write(path, xlsx.WriteTo);
        return new("Särskild avgift, uppskattning per beslut (xlsx)", path);
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
