namespace StatsReporting.Decisions;

public enum Status { EjVerkstallt, Verkstallt, Avslutat }

/// The reporting rule of spec §3, as pure functions.
public static class ReportingRule
{
    public static DateOnly ClockStart(Decision d) => d.Avbrottsdatum ?? d.Beslutsdatum;

    /// Three calendar months after the clock start; AddMonths clamps to the month's last day.
    public static DateOnly Deadline(DateOnly clockStart) => clockStart.AddMonths(3);

    /// Stored with every version as decision_versions.first_late_day (migration 0011), by which reports read only
    /// what a quarter can report: a change to this rule needs a migration that sets that column to NULL again.
    public static DateOnly FirstLateDay(Decision d) => Deadline(ClockStart(d)).AddDays(1);

    public static DateOnly? Done(Decision d) => d.VerkstalltDatum ?? d.AvslutatDatum;

    public static bool IsReportable(Decision d, Period q) => IsReportable(FirstLateDay(d), Done(d), q);

    /// The same rule from a decision's first late day and done day, computed once when many quarters are asked.
    public static bool IsReportable(DateOnly firstLateDay, DateOnly? done, Period q) =>
        firstLateDay <= q.End && (done is null || (done >= firstLateDay && done >= q.Start));

    /// The quarter in which a decision is first reportable: the one holding its first late day.
    public static Period FirstReportableQuarter(Decision d) => Period.Of(FirstLateDay(d));

    public static Status StatusAsOf(Decision d, DateOnly asOf) =>
        d.VerkstalltDatum <= asOf ? Status.Verkstallt
        : d.AvslutatDatum <= asOf ? Status.Avslutat
        : Status.EjVerkstallt;

    /// Waiting-time bucket for KF: 0 = 3–6 månader, 1 = 6–9, 2 = 9–12, 3 = över 12 månader.
    public static int WaitingBucket(Decision d, DateOnly asOf)
    {
        var done = Done(d);
        var end = done is { } x && x <= asOf ? x : asOf;
        var start = ClockStart(d);
        if (end <= start.AddMonths(6)) return 0;
        if (end <= start.AddMonths(9)) return 1;
        if (end <= start.AddMonths(12)) return 2;
        return 3;
    }

    public static readonly string[] WaitingBucketLabels = ["3–6 månader", "6–9 månader", "9–12 månader", "Över 12 månader"];

    /// SoL 2025:400 applies to decisions from this day, SoL 2001:453 to earlier ones (spec §1); TextDraft cites them.
    public static readonly DateOnly NewSolInForce = new(2025, 7, 1);
}
