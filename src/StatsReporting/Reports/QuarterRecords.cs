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
/// `Vanished`: each law's vanished decisions (Storage/Snapshots) as of `ImportId`, found once per run for the KF
/// checks and the IVO export alike (it was four times, ~35 ms each at a million decisions).
public sealed record QuarterRecords(Period Period, long? ImportId, IReadOnlyList<Decision> Decisions,
    IReadOnlyDictionary<Lag, IReadOnlyList<VanishedDecision>> Vanished)
{
    public static DateOnly NeededFrom(Period q) => q.Window(TrendHistory.Quarters)[0].Start;

    public static QuarterRecords Load(DbConnection c, Period q, long? upToImport = null)
    {
        var importId = upToImport ?? DecisionStore.LatestImportId(c);
        var vanished = new[] { Lag.SoL, Lag.LSS }.ToDictionary(lag => lag, lag => Snapshots.Vanished(c, lag, importId));
        return new(q, importId, CurrentVersions.Read(c, upToImport, NeededFrom(q), lateBy: q.End), vanished);
    }
}
