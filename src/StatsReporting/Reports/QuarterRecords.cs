using System.Collections.Concurrent;
using System.Data.Common;
using StatsReporting.Avgift;
using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;
using StatsReporting.Storage;
using StatsReporting.Records;

namespace StatsReporting.Reports;

/// The records one quarter's outputs need, read once per run and shared by both KF workbooks, their charts, the
/// Jämförelse, the trend and the IVO export: the newest version of each decision as it stood after `ImportId`,
/// leaving out those no quarter any of them shows (the trend's, from NeededFrom to q) can report: done before the
/// oldest, not late by q's end, or done before their first late day (at a million decisions, 29 000 of the 219 000
/// the done date alone left; issue 13). Every output reports through ReportingRule.IsReportable for those quarters.
/// `Vanished`: each law's vanished decisions (Records/Snapshots) as of `ImportId`, found once per run for the KF
/// checks and the IVO export alike (it was four times, ~35 ms each at a million decisions).
public sealed record QuarterRecords(Period Period, long? ImportId, IReadOnlyList<Decision> Decisions,
    IReadOnlyDictionary<Lag, IReadOnlyList<VanishedDecision>> Vanished)
{
    // Keyed by the decisions too: a copy made with `with` shares this dictionary, and must not share its estimates.
    private readonly ConcurrentDictionary<(IReadOnlyList<Decision>, Lag, DateOnly, Catalog, AvgiftSettings), AvgiftReport> _avgift = new();

    /// A law's särskild avgift estimate as of `asOf` (Avgift.AvgiftReport), made once per run for the KF workbook's
    /// sheet and the restricted list beside the IVO export alike (it was made twice; issue 13).
    public AvgiftReport Avgift(Lag lag, DateOnly asOf, Catalog catalog, AvgiftSettings s) =>
        _avgift.GetOrAdd((Decisions, lag, asOf, catalog, s), k => AvgiftReport.Build(k.Item1, k.Item2, Period, k.Item3, k.Item4, k.Item5));

    public static DateOnly NeededFrom(Period q) => q.Window(TrendHistory.Quarters)[0].Start;

    public static QuarterRecords Load(Db db, Period q, long? upToImport = null)
    {
        long? importId;
        using (var c = db.Open()) importId = upToImport ?? DecisionStore.LatestImportId(c);
        return new(q, importId, CurrentVersions.Read(db, upToImport, NeededFrom(q), lateBy: q.End), Snapshots.VanishedByLaw(db, importId));
    }
}
