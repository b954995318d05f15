using StatsReporting.Decisions;

namespace StatsReporting.Reports;

/// One status line of an insats' breakdown "vid rapporteringstillfället".
public sealed record StatusLine(string Text, int Count);

public sealed record OrsakBlock(string Label, int Total, IReadOnlyList<StatusLine> Lines);

/// Everything one KF workbook shows for a law and a quarter; computed from records, written by KfWorkbook.
public sealed record KfReport(Lag Lag, Period Period, DateOnly AsOf, ReportTable Sammanstallning, IReadOnlyList<OrsakBlock> Orsaker,
    ReportTable Vantetid, ReportTable Avbrott, ReportTable Jamforelse, IReadOnlyList<string> Text)
{
    public string LawName => Lag == Lag.SoL ? "SoL" : "LSS";
    public int Total => Sammanstallning.Rows[^1].Values[^1] ?? 0;
    /// The särskild avgift estimate (ReportService adds it); null writes no such sheet.
    public StatsReporting.Avgift.AvgiftReport? Avgift { get; init; }
}
