using StatsReporting.Decisions;

namespace StatsReporting.Avgift;

/// One reportable decision's estimate; `Kr` null = "kostnad saknas" (never a zero).
public sealed record AvgiftItem(string BeslutId, CatalogRow Row, DateOnly FirstLateDay, DateOnly? Done, decimal Months,
    decimal? MonthlyCostKr, decimal? Kr, Clamp Clamp);

/// One KF row: `Kr` sums the decisions that have a cost; the counts and months take them all.
public sealed record AvgiftRow(CatalogRow Row, int Beslut, int MedKostnad, decimal? MonthlyCostKr, decimal Months, decimal Kr,
    int Over6, int Over9, int Over12);

/// The estimate for one law and quarter, as the KF sheet, the Text sentence and the restricted list show it.
public sealed record AvgiftReport(Lag Lag, Period Period, DateOnly AsOf, AvgiftRange Range, decimal Surcharge, bool Exempel,
    IReadOnlyList<AvgiftRow> Rows, IReadOnlyList<AvgiftItem> Items)
{
    public decimal TotalKr => Items.Sum(i => i.Kr ?? 0);
    public int WithCost => Items.Count(i => i.Kr is not null);
    /// Decisions left out of every sum because their insats has no cost configured.
    public int Excluded => Items.Count(i => i.Kr is null);

    public static AvgiftReport Build(IReadOnlyList<Decision> decisions, Lag lag, Period q, DateOnly asOf, Catalog catalog, AvgiftSettings s)
    {
        var range = s.RangeOn(lag, asOf);
        var order = catalog.Rows(lag).ToList();
        // Per catalog row once, not per decision: its place in the KF order and its monthly cost.
        var place = order.Select((row, i) => (row, i)).ToDictionary<(CatalogRow row, int i), CatalogRow, int>(x => x.row, x => x.i, ReferenceEqualityComparer.Instance);
        var costs = order.ToDictionary<CatalogRow, CatalogRow, decimal?>(row => row, s.MonthlyCost, ReferenceEqualityComparer.Instance);
        var items = decisions.Where(d => d.Lag == lag && ReportingRule.IsReportable(d, q)).Select(d =>
        {
            var row = catalog.RowOf(d);
            var months = AvgiftRule.DelayMonths(d, asOf);
            var cost = costs[row];
            var estimate = cost is { } c ? AvgiftRule.Estimate(c, months, s.Paslag, range) : null;
            var done = ReportingRule.Done(d) is { } x && x <= asOf ? x : (DateOnly?)null;
            return new AvgiftItem(d.BeslutId, row, ReportingRule.FirstLateDay(d), done, months, cost, estimate?.Kr, estimate?.Clamp ?? Clamp.None);
        }).OrderBy(i => place[i.Row]).ThenBy(i => i.BeslutId, StringComparer.Ordinal).ToList();
        var byRow = items.ToLookup<AvgiftItem, CatalogRow>(i => i.Row, ReferenceEqualityComparer.Instance);
        var rows = order.Select(row => (row, its: byRow[row].ToList())).Where(x => x.its.Count > 0)
            .Select(x =>
            {
                var costed = x.its.Where(i => i.Kr is not null).ToList();
                return new AvgiftRow(x.row, x.its.Count, costed.Count, costs[x.row], x.its.Sum(i => i.Months), costed.Sum(i => i.Kr!.Value),
                    x.its.Count(i => i.Months > 6), x.its.Count(i => i.Months > 9), x.its.Count(i => i.Months > 12));
            }).ToList();
        return new(lag, q, asOf, range, s.Paslag, s.Exempel, rows, items);
    }
}
