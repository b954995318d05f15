using StatsReporting.Storage;
using System.Text;
using ClosedXML.Excel;
using StatsReporting.Decisions;
using StatsReporting.Reports;

namespace StatsReporting.Ivo;

/// Writes the individrapport as XLSX (with the reconciliation and the findings) and as CSV (UTF-8 with BOM, ';').
/// Every cell is text, dates included, so what the rapportör copies is exactly what IVO's form expects.
public static class IvoFiles
{
    public static readonly string[] Columns =
    [
        "Rapporteringsperiod", "Rapporttyp", "Personkod", "Kön", "Lag", "Insats", "Beslutsdatum", "Avbrottsdatum",
        "Orsak", "Kommentar", "Verkställt datum", "Avslutat datum", "Fritext till IVO", "Beslut-id (internt)",
    ];

    private static readonly double[] Widths = [20, 12, 16, 8, 6, 45, 13, 13, 40, 40, 15, 15, 60, 18];

    public static string FileName(Period q, string extension) => $"ivo-individrapport-{q}.{extension}";

    public static string[] Cells(IvoRow r) =>
    [
        $"{r.Period.Year} kvartal {r.Period.Quarter}", IvoRules.Text(r.Rapporttyp), r.PersonCode,
        r.Kon == Kon.K ? "Kvinna" : "Man", r.Lag.ToString(), r.Insats, Iso(r.Beslutsdatum), Iso(r.Avbrottsdatum),
        r.Orsak, r.Kommentar ?? "", Iso(r.VerkstalltDatum), Iso(r.AvslutatDatum), r.Fritext, r.BeslutId,
    ];

    public static void WriteCsv(IReadOnlyList<IvoRow> rows, string path)
    {
        var sb = new StringBuilder();
        foreach (var cells in rows.Select(Cells).Prepend(Columns))
            sb.Append(string.Join(';', cells.Select(c => Quote(Neutralise(c))))).Append("\r\n");
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        RestrictedFiles.Write(path, s => s.Write(bytes));
    }

    public static void WriteXlsx(IReadOnlyList<IvoRow> rows, IReadOnlyList<ForsvunnetArende> forsvunna, IReadOnlyList<string> findings,
        Period q, string path)
    {
        using var wb = new XLWorkbook();
        Sheet(wb, "Individrapport", Columns, Widths, rows.Select(Cells).ToList(), "Inga beslut att rapportera för kvartalet");
        Sheet(wb, "Försvunna ärenden", ForsvunnetArende.Columns, [18, 6, 45, 13, 13, 35, 35, 80],
            forsvunna.Select(f => f.Cells()).ToList(), "Inga försvunna ärenden");
        Sheet(wb, "Kontroller", ["Kontroller"], [120], findings.Select(f => new[] { f }).ToList(), "Inga avvikelser");
        foreach (var ws in wb.Worksheets)
            ws.PageSetup.Header.Center.AddText($"IVO individrapport {q.Swedish} – innehåller personuppgifter");
        RestrictedFiles.Write(path, wb.SaveAs);
    }

    private static void Sheet(XLWorkbook wb, string name, IReadOnlyList<string> header, IReadOnlyList<double> widths,
        IReadOnlyList<string[]> rows, string whenEmpty)
    {
        var ws = wb.Worksheets.Add(name);
        ws.Style.Font.FontName = "Arial";
        ws.Style.Font.FontSize = 10;
        for (var c = 0; c < header.Count; c++)
        {
            KfWorkbook.SetText(ws.Cell(1, c + 1), header[c]);
            ws.Column(c + 1).Width = widths[c];
        }
        var head = ws.Range(1, 1, 1, header.Count);
        head.Style.Font.Bold = true;
        head.Style.Fill.BackgroundColor = XLColor.FromHtml("#D9D9D9");
        ws.SheetView.FreezeRows(1);
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.FitToPages(1, 0);
        if (rows.Count == 0) KfWorkbook.SetText(ws.Cell(2, 1), whenEmpty);
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < rows[r].Length; c++)
                KfWorkbook.SetText(ws.Cell(r + 2, c + 1), rows[r][c]);
        if (rows.Count > 0) ws.Range(1, 1, rows.Count + 1, header.Count).SetAutoFilter();
    }

    private static string Iso(DateOnly? d) => DecisionStore.Iso(d) ?? "";

    /// Excel and Calc run a CSV cell that starts with = + - @ (or a tab or CR before one) as a formula: such a cell
    /// gets a leading apostrophe. Why an apostrophe and not a space: a leading space does not stop every spreadsheet
    /// (Excel strips it and still evaluates "+cmd|..." in some versions), and the rapportör would copy an invisible
    /// space into IVO's form; a visible ' is obviously not part of the text and is what Excel itself uses to mark
    /// text. The IVO workbook, where every cell is a text cell, stays the file to copy from.
    public static string Neutralise(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    private static string Quote(string s) =>
        s.IndexOfAny([';', '"', '\r', '\n']) < 0 ? s : $"\"{s.Replace("\"", "\"\"")}\"";
}
