using StatsReporting.Decisions;
using StatsReporting.Organisation;

namespace StatsReporting.Reports.Charts;

/// The trend over the last quarters, per verksamhet (SoL) and in total, taken from the comparison table over those
/// quarters: counted from the records where they cover a quarter, else a stored published table, else null.
public static class TrendHistory
{
    public const int Quarters = 8;
    public const string TotalName = "Totalt";

    /// From the records alone: a quarter before Report:RecordsFrom gets null, not a count.
    public static TrendInput FromRecords(IReadOnlyList<Decision> all, Lag lag, Period last, Catalog catalog, ReportSettings settings) =>
        From(new KfAggregation(catalog, settings).Jamforelse(all, lag, last.Window(Quarters), history: null), lag, last);

    /// `comparison` is KfAggregation.Jamforelse over last.Window(Quarters): its subtotal rows are the verksamheter.
    public static TrendInput From(ReportTable comparison, Lag lag, Period last)
    {
        var series = lag == Lag.SoL
            ? comparison.Rows.Where(r => r.Kind == RowKind.Subtotal).Select(r => new TrendSeries(r.Label["Totalt ".Length..], r.Values)).ToList()
            : [];
        series.Add(new TrendSeries(TotalName, comparison.Rows[^1].Values));
        return new TrendInput(last.Window(Quarters), series);
    }
}
