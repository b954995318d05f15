using StatsReporting.Decisions;

namespace StatsReporting.Records;

/// A validated decision as decision_versions stores it: with its content hash (the importer's diff) and its first
/// late day (migration 0011), computed once, on the import's reading thread, so that the storing thread only writes.
public readonly record struct VersionRow(Decision Decision, long Hash, DateOnly FirstLateDay)
{
    public static VersionRow Of(Decision d) => new(d, DecisionTable.Hash(d), ReportingRule.FirstLateDay(d));
}
