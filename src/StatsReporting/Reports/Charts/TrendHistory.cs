using StatsReporting.Decisions;

namespace StatsReporting.Reports.Charts;

/// The trend over the last quarters, per verksamhet (SoL) and in total, from the stored records.
public static class TrendHistory
{
    public const int Quarters = 8;
    public const string TotalName = "Totalt";

    /// A quarter before Report:RecordsFrom gets null, not a count: the records do not describe it completely.
    public static TrendInput FromRecords(IReadOnlyList<Decision> all, Lag lag, Period last, Catalog catalog, ReportSettings settings)
    {
        var quarters = last.Window(Quarters);
        var decisions = all.Where(d => d.Lag == lag).ToList();
        var reportable = quarters
            .Select(q => settings.RecordsCover(q) ? decisions.Where(d => ReportingRule.IsReportable(d, q)).ToList() : null)
            .ToList();

        TrendSeries Series(string name, Func<Decision, bool> match) =>
            new(name, reportable.Select(ds => ds is null ? (int?)null : ds.Count(match)).ToList());

        var series = lag == Lag.SoL
            ? catalog.Verksamheter.Select(v => Series(v, d => d.Verksamhet == v)).ToList()
            : [];
        series.Add(Series(TotalName, _ => true));
        return new TrendInput(quarters, series);
    }
}
