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
    public void Decision_late_from_the_quarters_last_day_is_reported_in_that_quarter()
    {
        // Clock start 2024-12-30: deadline 2025-03-30, first late day 2025-03-31, the last day of 2025Q1.
        var d = Make("2024-12-30");
        Assert.Equal((D("2025-03-30"), D("2025-03-31")), (ReportingRule.Deadline(ReportingRule.ClockStart(d)), ReportingRule.FirstLateDay(d)));
        Assert.False(ReportingRule.IsReportable(d, new Period(2024, 4)));
        Assert.True(ReportingRule.IsReportable(d, new Period(2025, 1)));
        Assert.True(ReportingRule.IsReportable(d, new Period(2025, 2)));
        Assert.Equal(new Period(2025, 1), ReportingRule.FirstReportableQuarter(d));
    }

    [Theory]
    [InlineData("2024-12-30", "2025-03-30", null)]
    [InlineData("2024-12-30", null, "2025-03-30")]
    [InlineData("2024-11-30", "2025-02-28", null)]
    [InlineData("2023-11-29", "2024-02-29", null)]
    public void Decision_verkstalld_or_avslutad_on_its_deadline_day_is_never_reported(string beslut, string? verkstallt, string? avslutat)
    {
        var d = Make(beslut, verkstallt: verkstallt, avslutat: avslutat);
        Assert.DoesNotContain(new Period(2025, 4).Window(12), q => ReportingRule.IsReportable(d, q));
    }

    [Theory]
    [InlineData("2024-12-30", "2025-03-31", "2025Q1")]
    [InlineData("2024-11-30", "2025-03-01", "2025Q1")]
    [InlineData("2023-11-29", "2024-03-01", "2024Q1")]
    public void Decision_done_on_its_first_late_day_is_reported_in_that_quarter_only(string beslut, string verkstallt, string quarter)
    {
        var d = Make(beslut, verkstallt: verkstallt);
        Assert.Equal(D(verkstallt), ReportingRule.FirstLateDay(d));
        Assert.Equal([quarter], new Period(2025, 4).Window(12).Where(q => ReportingRule.IsReportable(d, q)).Select(q => q.ToString()));
    }

    [Fact]
    public void Decision_done_the_day_before_the_quarter_starts_was_reported_only_in_the_quarter_before()
    {
        // First late day 2025-02-16 (2025Q1); verkställt 2025-03-31, the day before 2025Q2 starts.
        var d = Make("2024-11-15", verkstallt: "2025-03-31");
        Assert.Equal(["2025Q1"], new Period(2025, 4).Window(8).Where(q => ReportingRule.IsReportable(d, q)).Select(q => q.ToString()));
    }

    [Fact]
    public void Decision_done_on_the_quarters_first_day_is_still_reported_in_that_quarter()
    {
        var d = Make("2024-11-15", avslutat: "2025-04-01");
        Assert.Equal(["2025Q1", "2025Q2"], new Period(2025, 4).Window(8).Where(q => ReportingRule.IsReportable(d, q)).Select(q => q.ToString()));
    }

    [Fact]
    public void Avbrott_restarts_the_clock_even_for_a_decision_long_past_its_first_deadline()
    {
        // Beslut 2023-01-10 (late from 2023-04-11 if it had never started); avbrott 2024-12-30: late from 2025-03-31.
        var open = Make("2023-01-10", avbrott: "2024-12-30");
        Assert.Equal(D("2024-12-30"), ReportingRule.ClockStart(open));
        Assert.Equal(["2025Q1", "2025Q2"], new Period(2025, 2).Window(12).Where(q => ReportingRule.IsReportable(open, q)).Select(q => q.ToString()));
        // Resumed on the avbrott's deadline: never reported.
        var resumed = Make("2023-01-10", avbrott: "2024-12-30", verkstallt: "2025-03-30");
        Assert.DoesNotContain(new Period(2025, 2).Window(12), q => ReportingRule.IsReportable(resumed, q));
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
    [InlineData("2025-01-01", "2025-10-01", 1)]
    [InlineData("2025-01-01", "2025-10-02", 2)]
    [InlineData("2025-01-01", "2026-01-01", 2)]
    [InlineData("2025-01-01", "2026-01-02", 3)]
    public void Waiting_time_of_exactly_9_or_12_months_is_in_the_lower_bucket(string beslut, string asOf, int bucket) =>
        Assert.Equal(bucket, ReportingRule.WaitingBucket(Make(beslut), D(asOf)));

    [Fact]
    public void Waiting_time_ends_on_the_done_day_when_that_is_before_the_as_of_date()
    {
        // Verkställt after 6 months and 1 day: 6–9 månader, however late the report is made.
        Assert.Equal(1, ReportingRule.WaitingBucket(Make("2025-01-01", verkstallt: "2025-07-02"), D("2026-01-01")));
        // Verkställt after the as-of date: still waiting on the as-of date (6 months: 3–6 månader).
        Assert.Equal(0, ReportingRule.WaitingBucket(Make("2025-01-01", verkstallt: "2026-02-01"), D("2025-07-01")));
    }

    [Fact]
    public void Waiting_buckets_are_labelled_as_the_KF_report_names_them() =>
        Assert.Equal(["3–6 månader", "6–9 månader", "9–12 månader", "Över 12 månader"], ReportingRule.WaitingBucketLabels);

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
