using System.Data.Common;
using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;
using StatsReporting.Storage;

namespace StatsReporting.Reports;

/// The records one quarter's outputs need, read once per run and shared by both KF workbooks, their charts, the
/// Jämförelse, the trend and the IVO export: the newest version of each decision as it stood after `ImportId`,
/// leaving out those no quarter any of them shows (the trend's, from NeededFrom to q) can report: done before the
/// oldest, not late by q's end, or done before their first late day (at a million decisions, 29 000 of the 219 000
/// the done date alone left; issue 13). Every output reports through ReportingRule.IsReportable for those quarters.
public sealed record QuarterRecords(Period Period, long? ImportId, IReadOnlyList<Decision> Decisions)
{
    public static DateOnly NeededFrom(Period q) => q.Window(TrendHistory.Quarters)[0].Start;

    public static QuarterRecords Load(DbConnection c, Period q, long? upToImport = null) =>
        new(q, upToImport ?? DecisionStore.LatestImportId(c), CurrentVersions.Read(c, upToImport, NeededFrom(q), lateBy: q.End));
}
