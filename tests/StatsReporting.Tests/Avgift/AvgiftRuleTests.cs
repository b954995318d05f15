using StatsReporting.Avgift;
using StatsReporting.Decisions;
using StatsReporting.Tests.Bevakning;
using StatsReporting.Tests.Support;

namespace StatsReporting.Tests.Avgift;

/// The särskild avgift estimate in exact kronor, with the ranges and costs of appsettings.json.
public class AvgiftRuleTests
{
    private static readonly AvgiftSettings S = TestEnv.Settings.Get<AvgiftSettings>();
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Case_law_example_36_400_kr_for_7_75_months_with_25_percent_is_352_625_kr()
    {
        var e = AvgiftRule.Estimate(36_400, 7.75m, 0.25m, S.RangeOn(Lag.SoL, D("2025-06-30")));
        Assert.Equal((352_625m, Clamp.None), (e.Kr, e.Clamp));
    }

    [Fact]
    public void Delay_runs_from_the_first_late_day_in_calendar_months_with_one_decimal()
    {
        // Deadline 2024-06-30, first late day 2024-07-01; seven months to 2025-02-01, then 21 of February's 28 days.
        var done = BevakningRuleTests.Make("M-1", "2024-03-31", verkstallt: "2025-02-22");
        Assert.Equal(7.75m, AvgiftRule.Months(D("2024-07-01"), D("2025-02-22")));
        Assert.Equal(7.8m, AvgiftRule.DelayMonths(done, D("2025-03-31")));
        // Still open: to the as-of date; 2 months to 2024-09-01, then 15 of September's 30 days.
        Assert.Equal(2.5m, AvgiftRule.DelayMonths(BevakningRuleTests.Make("M-2", "2024-03-31"), D("2024-09-16")));
        Assert.Equal(36_400m * 7.8m * 1.25m, AvgiftRule.Estimate(36_400, AvgiftRule.DelayMonths(done, D("2025-03-31")), 0.25m, S.RangeOn(Lag.SoL, D("2025-03-31"))).Kr);
    }

    [Fact]
    public void Delay_months_on_a_tie_round_away_from_zero()
    {
        // First late day 2024-07-01; verkställt 2025-02-08: seven months to 2025-02-01, then 7 of February's 28 days,
        // 7.25 exactly: to one decimal a tie, 7.3 away from zero (half-to-even would give 7.2).
        var done = BevakningRuleTests.Make("M-3", "2024-03-31", verkstallt: "2025-02-08");
        Assert.Equal(7.25m, AvgiftRule.Months(D("2024-07-01"), D("2025-02-08")));
        Assert.Equal(7.3m, AvgiftRule.DelayMonths(done, D("2025-06-30")));
        // 36 400 × 7.3 × 1.25 = 332 150 kr.
        Assert.Equal(332_150m, AvgiftRule.Estimate(36_400, AvgiftRule.DelayMonths(done, D("2025-06-30")), 0.25m, S.RangeOn(Lag.SoL, D("2025-06-30"))).Kr);
    }

    [Fact]
    public void Kronor_on_a_tie_round_away_from_zero()
    {
        // 36 404 × 0.5 × 1.25 = 22 752.50 kr → 22 753 kr (half-to-even would give 22 752).
        Assert.Equal(new AvgiftEstimate(22_753, Clamp.None), AvgiftRule.Estimate(36_404, 0.5m, 0.25m, S.RangeOn(Lag.SoL, D("2025-06-30"))));
    }

    [Fact]
    public void An_estimate_exactly_at_the_minimum_or_the_maximum_is_not_clamped()
    {
        var sol = S.RangeOn(Lag.SoL, D("2025-06-30"));
        // 8 000 × 1.0 × 1.25 = 10 000 kr; 800 000 × 1.0 × 1.25 = 1 000 000 kr.
        Assert.Equal(new AvgiftEstimate(10_000, Clamp.None), AvgiftRule.Estimate(8_000, 1.0m, 0.25m, sol));
        Assert.Equal(new AvgiftEstimate(1_000_000, Clamp.None), AvgiftRule.Estimate(800_000, 1.0m, 0.25m, sol));
    }

    [Fact]
    public void Tiny_delay_clamps_up_to_the_minimum_and_a_long_one_down_to_the_maximum()
    {
        var sol = S.RangeOn(Lag.SoL, D("2025-06-30"));
        // 2 500 × 0.3 × 1.25 = 937.50 kr → 10 000 kr; 90 000 × 12 × 1.25 = 1 350 000 kr → 1 000 000 kr.
        Assert.Equal(new AvgiftEstimate(10_000, Clamp.UpToMin), AvgiftRule.Estimate(2_500, 0.3m, 0.25m, sol));
        Assert.Equal(new AvgiftEstimate(1_000_000, Clamp.DownToMax), AvgiftRule.Estimate(90_000, 12m, 0.25m, sol));
    }

    [Fact]
    public void Lss_range_is_raised_from_2026_01_01_and_the_as_of_date_picks_it()
    {
        Assert.Equal((10_000m, 1_000_000m), Range(Lag.LSS, "2025-12-31"));
        Assert.Equal((15_000m, 1_500_000m), Range(Lag.LSS, "2026-01-01"));
        Assert.Equal((10_000m, 1_000_000m), Range(Lag.SoL, "2026-01-01"));
        // The same LSS decision (9 § 4, 2 500 kr a month, 0.0 months late) in 2025Q4, as of either side of the change.
        var d = BevakningRuleTests.Make("L-1", "2025-08-01", verkstallt: "2025-11-02", lag: Lag.LSS, insats: "9 § 4");
        var q = new Period(2025, 4);
        Assert.Equal(10_000m, AvgiftReport.Build([d], Lag.LSS, q, D("2025-12-31"), TestEnv.Catalog, S).TotalKr);
        Assert.Equal(15_000m, AvgiftReport.Build([d], Lag.LSS, q, D("2026-01-01"), TestEnv.Catalog, S).TotalKr);
    }

    [Fact]
    public void Insats_without_a_cost_is_kostnad_saknas_and_left_out_of_the_sums_with_a_count()
    {
        var ds = new[]
        {
            BevakningRuleTests.Make("S-1", "2024-12-31", verkstallt: "2025-06-16"),   // 2.5 months: 36 400 × 2.5 × 1.25 = 113 750
            BevakningRuleTests.Make("S-2", "2024-12-31", insats: "Annat bistånd"),    // no cost configured
            BevakningRuleTests.Make("S-3", "2025-01-05", insats: "Annat bistånd"),
        };
        var a = AvgiftReport.Build(ds, Lag.SoL, new Period(2025, 2), D("2025-06-30"), TestEnv.Catalog, S);
        Assert.Equal((113_750m, 1, 2), (a.TotalKr, a.WithCost, a.Excluded));
        var annat = a.Rows.Single(r => r.Row.Insats == "Annat bistånd");
        Assert.Equal((2, 0, (decimal?)null, 0m), (annat.Beslut, annat.MedKostnad, annat.MonthlyCostKr, annat.Kr));
        Assert.All(a.Items.Where(i => i.Row.Insats == "Annat bistånd"), i => Assert.Null(i.Kr));
        Assert.Equal("2 beslut saknar månadskostnad för sin insats (kostnad saknas) och ingår inte i summorna.", AvgiftText.ExcludedLine(a));
    }

    private static (decimal, decimal) Range(Lag lag, string day) => S.RangeOn(lag, D(day)) is var r ? (r.MinKr, r.MaxKr) : default;
}
