using ClosedXML.Excel;
using StatsReporting.Checks;
using StatsReporting.Decisions;
using StatsReporting.FileSystem;
using StatsReporting.Workbooks;
using StatsReporting.Language;

namespace StatsReporting.Reports;

/// One nämnd's reports of a quarter, as the kommun summary takes them.
public sealed record NamndReports(string Name, IReadOnlyList<KfReport> Reports);

/// The kommun summary of a quarter (issue 15): per law a sheet "Översikt" with each nämnd's totals and the kommun's
/// Totalt, each nämnd's Sammanställning, and the kommun's Sammanställning (every cell the sum of the nämnder's).
/// Checked like every generated table before anything is written: the kommun's Totalt must be the sum of the nämnder.
public static class KommunSummary
{
    public static string FileName(Period p, string kommun) => $"EVB {p.Swedish} {kommun}.xlsx";

    /// The tables of one law, in sheet order: Översikt, each nämnd's Sammanställning, the kommun's.
    public static IReadOnlyList<ReportTable> Tables(Lag lag, IReadOnlyList<NamndReports> namnder)
    {
        var own = namnder.Select(n => (n.Name, Table: n.Reports.Single(r => r.Lag == lag).Sammanstallning)).ToList();
        var first = own[0].Table;
        foreach (var (name, t) in own)
            if (!t.Columns.SequenceEqual(first.Columns) || !t.Rows.Select(r => r.Label).SequenceEqual(first.Rows.Select(r => r.Label)))
                throw new InvalidOperationException($"Kommunsammanställningen kan inte skrivas: {name} har andra rader eller kolumner i {lag}-sammanställningen "
                    + $"än {own[0].Name} (samma katalog och kolumnordning för kön behövs).");
        var total = first with
        {
            Sheet = Sheet($"{lag} kommunen"),
            Rows = first.Rows.Select((row, i) => row with
            {
                Values = row.Values.Select((_, c) => Sum(own.Select(o => o.Table.Rows[i].Values[c]))).ToList(),
            }).ToList(),
        };
        var overview = new ReportTable(Sheet($"Översikt {lag}"), "Nämnd", first.Columns,
            [.. own.Select(o => new ReportRow(o.Name, RowKind.Detail, o.Table.Rows[^1].Values)),
             new ReportRow("Totalt kommunen", RowKind.Total, total.Rows[^1].Values)], first.HasSumColumn);
        return [overview, .. own.Select(o => o.Table with { Sheet = Sheet($"{lag} {o.Name}") }), total];
    }

    /// Every table of the workbook checked with the tables' checker (TableChecker): Översikt's Totalt over the
    /// nämnder, and K + M = Summa, subtotals and the grand total of the kommun's Sammanställning.
    public static IReadOnlyList<Finding> Check(IEnumerable<ReportTable> tables) =>
        tables.SelectMany(t => TableChecker.Check(GeneratedChecks.AsCheckTable(t, ""))).ToList();

    public static WrittenFile Write(string kommun, Period p, IReadOnlyList<NamndReports> namnder, string dir, DateOnly made)
    {
        var tables = new[] { Lag.SoL, Lag.LSS }.SelectMany(lag => Tables(lag, namnder)).ToList();
        // One kön order in the whole workbook (SoL's), though each law has its own (Report:KonOrder).
        tables = tables.Select(t => InColumnOrder(t, tables[0].Columns)).ToList();
        if (Check(tables) is { Count: > 0 } bugs) throw new InconsistentReportException(bugs);
        using var wb = new XLWorkbook();
        wb.Style.Font.FontName = PrintLayout.Font;
        wb.Style.Font.FontSize = KfWorkbook.FontSize;
        foreach (var t in tables) KfWorkbook.WriteTable(wb, t);
        foreach (var ws in wb.Worksheets)
            PrintLayout.Page(ws, landscape: false, kommun, $"Ej verkställda gynnande beslut\n{Wording.Quarter(p)}: {ws.Name}", made);
        Directory.CreateDirectory(dir);
        var path = Path.GetFullPath(Path.Combine(dir, FileName(p, kommun)));
        KfWorkbook.SaveAtomically(wb, path);
        return new($"Kommunsammanställning {kommun}", path);
    }

    /// The table with its columns in the order of `order` when it has the same columns in another order, else as it is.
    public static ReportTable InColumnOrder(ReportTable t, IReadOnlyList<string> order)
    {
        if (t.Columns.SequenceEqual(order) || !t.Columns.Order().SequenceEqual(order.Order())) return t;
        var from = order.Select(c => t.Columns.ToList().IndexOf(c)).ToList();
        return t with { Columns = order, Rows = t.Rows.Select(r => r with { Values = from.Select(i => r.Values[i]).ToList() }).ToList() };
    }

    private static int? Sum(IEnumerable<int?> values) => values.Aggregate((int?)0, (a, v) => a is null || v is null ? null : a + v);

    /// Excel allows 31 characters in a sheet name.
    private static string Sheet(string name) => name.Length <= 31 ? name : name[..31];
}
