using StatsReporting.Decisions;

namespace StatsReporting.Avgift;

public enum Clamp { None, UpToMin, DownToMax }

public sealed record AvgiftEstimate(decimal Kr, Clamp Clamp);

/// The särskild avgift estimate as pure functions: IVO's basis (the cost saved for the time of the delay, plus the
/// repressive surcharge) within the court's range. An estimate, never a claim that IVO will apply.
public static class AvgiftRule
{
    /// The delay runs from the first late day to the done date, or to `asOf` while open (spec §3), in calendar months
    /// with the part month as days of that month; rounded to one decimal, which the outputs print and multiply with.
    public static decimal DelayMonths(Decision d, DateOnly asOf)
    {
        var start = ReportingRule.FirstLateDay(d);
        var end = ReportingRule.Done(d) is { } done && done <= asOf ? done : asOf;
        return Math.Round(Months(start, end), 1, MidpointRounding.AwayFromZero);
    }

    public static decimal Months(DateOnly start, DateOnly end)
    {
        if (end <= start) return 0;
        var whole = 0;
        while (start.AddMonths(whole + 1) <= end) whole++;
        DateOnly from = start.AddMonths(whole), to = start.AddMonths(whole + 1);
        return whole + (decimal)(end.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber);
    }

    /// Monthly cost × months × (1 + surcharge), to whole kronor, then clamped to the range.
    public static AvgiftEstimate Estimate(decimal monthlyCostKr, decimal months, decimal surcharge, AvgiftRange range)
    {
        var kr = Math.Round(monthlyCostKr * months * (1 + surcharge), 0, MidpointRounding.AwayFromZero);
        return kr < range.MinKr ? new(range.MinKr, Clamp.UpToMin)
            : kr > range.MaxKr ? new(range.MaxKr, Clamp.DownToMax)
            : new(kr, Clamp.None);
    }
}
