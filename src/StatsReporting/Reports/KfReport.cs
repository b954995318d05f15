using StatsReporting.Decisions;
using StatsReporting.Language;

namespace StatsReporting.Reports;

/// One status line of an insats' breakdown "vid rapporteringstillfället": the status, the orsak clause (or
/// Wording.NoReason / UnknownReason, or null) and the number of decisions.
public sealed record StatusLine(Status Status, string? Reason, int Count)
{
    /// The Orsaker sheet's label: "ej verkställda då det saknas plats …".
    public string Text => Wording.StatusLabel(Status, Reason);
}

public sealed record OrsakBlock(string Label, int Total, IReadOnlyList<StatusLine> Lines);

public sealed record LawSpan(bool AnyBeforeNewSol, bool AnyFromNewSol)
{
    public static LawSpan Of(IReadOnlyList<Decision> ds) =>
        new(ds.Any(d => d.Beslutsdatum < ReportingRule.NewSolInForce), ds.Any(d => d.Beslutsdatum >= ReportingRule.NewSolInForce));
}

/// Everything one KF workbook shows for a law and a quarter; computed from records, written by KfWorkbook.
public sealed record KfReport(Lag Lag, Period Period, DateOnly AsOf, ReportTable Sammanstallning, IReadOnlyList<OrsakBlock> Orsaker,
    ReportTable Vantetid, ReportTable Avbrott, ReportTable Jamforelse, IReadOnlyList<string> Text)
{
    public string LawName => Lag == Lag.SoL ? "SoL" : "LSS";
    /// Whether the reportable decisions include SoL decisions from before and from 2025-07-01 (spec §1: the law cited).
    public LawSpan Laws { get; init; } = new(false, false);
    /// The sentence naming the records the report was made from (set when the report is written from the database).
    public string? Basis { get; init; }
    public int Total => Sammanstallning.Rows[^1].Values[^1] ?? 0;
    /// The kön split, waits and children the tjänsteskrivelse's Jämställdhetsanalys and Barnrättsperspektiv give.
    public Perspectives Perspectives { get; init; } = new([], 0, 0, null, null, [], 0);
    /// The särskild avgift estimate (ReportService adds it); null writes no such sheet.
    public StatsReporting.Avgift.AvgiftReport? Avgift { get; init; }
}
