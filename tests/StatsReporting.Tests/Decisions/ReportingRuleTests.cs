using StatsReporting.Decisions;

namespace StatsReporting.Tests.Decisions;

public class ReportingRuleTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Decision Make(string beslut, string? avbrott = null, string? verkstallt = null, string? avslutat = null) => new()
    {
        BeslutId = "X-1", PersonId = "p1", Kon = Kon.K, Lag = Lag.SoL, Verksamhet = "ÄO", Insats = "Särskilt boende",
        Beslutsdatum = D(beslut), Avbrottsdatum = avbrott is null ? null : D(avbrott),
        VerkstalltDatum = verkstallt is null ? null : D(verkstallt), AvslutatDatum = avslutat is null ? null : D(avslutat),
    };

    [Theory]
    [InlineData("2024-11-30", "2025-02-28")]
    [InlineData("2023-11-29", "2024-02-29")]
    [InlineData("2025-03-31", "2025-06-30")]
    [InlineData("2025-01-15", "2025-04-15")]
    public void Deadline_is_three_calendar_months_clamped_to_the_months_last_day(string start, string deadline) =>
        Assert.Equal(D(deadline), ReportingRule.Deadline(D(start)));

    [Fact]
    public void Decision_done_on_its_deadline_is_never_reported()
    {
        var d = Make("2025-01-15", verkstallt: "2025-04-15");
        Assert.DoesNotContain(new Period(2025, 1).Window(12), q => ReportingRule.IsReportable(d, q));
    }

    [Fact]
    public void Decision_done_the_day_after_its_deadline_is_reported_in_that_quarter_only()
    {
        var d = Make("2025-01-15", verkstallt: "2025-04-16");
        Assert.True(ReportingRule.IsReportable(d, new Period(2025, 2)));
        Assert.False(ReportingRule.IsReportable(d, new Period(2025, 1)));
        Assert.False(ReportingRule.IsReportable(d, new Period(2025, 3)));
    }

    [Fact]
    public void Deadline_on_the_quarters_last_day_is_not_yet_reportable()
    {
        var d = Make("2025-03-31");
        Assert.False(ReportingRule.IsReportable(d, new Period(2025, 2)));
        Assert.True(ReportingRule.IsReportable(d, new Period(2025, 3)));
    }

    [Fact]
    public void Open_decision_in_its_fourteenth_month_is_reported_in_every_quarter_since_its_first_late_day()
    {
        var d = Make("2024-05-10");
        var quarters = new Period(2025, 3).Window(8).Where(q => ReportingRule.IsReportable(d, q)).Select(q => q.ToString());
        Assert.Equal(["2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3"], quarters);
        Assert.Equal(new Period(2024, 3), ReportingRule.FirstReportableQuarter(d));
    }

    [Fact]
    public void Avbrott_restarts_the_clock()
    {
        var d = Make("2023-10-27", avbrott: "2024-12-27");
        Assert.Equal(D("2025-03-28"), ReportingRule.FirstLateDay(d));
        Assert.False(ReportingRule.IsReportable(d, new Period(2024, 4)));
        Assert.True(ReportingRule.IsReportable(d, new Period(2025, 1)));
    }

    [Theory]
    [InlineData("2025-06-29", Status.EjVerkstallt)]
    [InlineData("2025-06-30", Status.Verkstallt)]
    [InlineData("2025-07-01", Status.Verkstallt)]
    public void Status_is_taken_at_the_as_of_date(string asOf, Status expected) =>
        Assert.Equal(expected, ReportingRule.StatusAsOf(Make("2025-01-02", verkstallt: "2025-06-30"), D(asOf)));

    [Fact]
    public void Avslutat_after_the_as_of_date_is_still_open_at_the_report() =>
        Assert.Equal(Status.EjVerkstallt, ReportingRule.StatusAsOf(Make("2025-01-02", avslutat: "2025-07-02"), D("2025-06-30")));

    [Theory]
    [InlineData("2025-01-01", "2025-06-30", 0)]
    [InlineData("2025-01-01", "2025-07-01", 0)]
    [InlineData("2025-01-01", "2025-07-02", 1)]
    [InlineData("2024-07-01", "2025-06-30", 2)]
    [InlineData("2024-06-29", "2025-06-30", 3)]
    public void Waiting_time_falls_in_the_KF_buckets(string beslut, string asOf, int bucket) =>
        Assert.Equal(bucket, ReportingRule.WaitingBucket(Make(beslut), D(asOf)));

    [Theory]
    [InlineData("2025Q2", "2025-04-01", "2025-06-30")]
    [InlineData("2024q4", "2024-10-01", "2024-12-31")]
    public void Period_parses_and_knows_its_days(string text, string start, string end)
    {
        var p = Period.Parse(text);
        Assert.Equal((D(start), D(end)), (p.Start, p.End));
    }

    [Theory]
    [InlineData("2025Q5")]
    [InlineData("2025-06")]
    [InlineData("")]
    [InlineData("0001Q1")]
    [InlineData("1899Q4")]
    [InlineData("9999Q4")]
    public void Period_rejects_what_is_not_a_quarter(string text) => Assert.False(Period.TryParse(text, out _));
}
