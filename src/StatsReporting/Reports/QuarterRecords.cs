using System.Data.Common;
using StatsReporting.Decisions;
using StatsReporting.Reports.Charts;
using StatsReporting.Storage;

namespace StatsReporting.Reports;

/// The records one quarter's outputs need, read once per run and shared by both KF workbooks, their charts, the
/// Jämförelse, the trend and the IVO export: the newest version of each decision as it stood after `ImportId`,
/// leaving out those done before the oldest quarter any of them shows (the trend's), which none can report.
public sealed record QuarterRecords(Period Period, long? ImportId, IReadOnlyList<Decision> Decisions)
{
    public static DateOnly NeededFrom(Period q) => q.Window(TrendHistory.Quarters)[0].Start;

    public static QuarterRecords Load(DbConnection c, Period q, long? upToImport = null) =>
        new(q, upToImport ?? DecisionStore.LatestImportId(c), DecisionStore.Current(c, upToImport, NeededFrom(q)));
}
