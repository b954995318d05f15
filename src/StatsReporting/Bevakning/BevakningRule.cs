using StatsReporting.Decisions;

namespace StatsReporting.Bevakning;

/// One decision on the list. `Dagar` is days left (snart: deadline − today, 0 on the deadline itself) or days late
/// (sena: today − deadline). Only what the case system needs to find the case: never a person code or a kommentar.
public sealed record BevakningItem(string BeslutId, Lag Lag, string? Verksamhet, string Insats, string? Enhet, bool Avbrott,
    DateOnly Klockstart, DateOnly SistaDag, int Dagar, string? Orsak)
{
    public string KlockstartAv => Avbrott ? "avbrott" : "beslut";
}

public sealed record BevakningList(DateOnly Today, int Days, IReadOnlyList<BevakningItem> Snart, IReadOnlyList<BevakningItem> Sena);

/// The bevakningslista, a pure function of the records and the day (the deadline is spec §3's).
public static class BevakningRule
{
    /// `snart`: open on `today` with the deadline in [today, today + days]. `sena`: open, past the deadline, and first
    /// late in the current quarter, which no report has covered yet: the quarterly job reports a quarter on the first
    /// day of the next, so a decision first late in an earlier quarter has already been in a report.
    public static BevakningList Compute(IReadOnlyList<Decision> decisions, DateOnly today, int days, Catalog catalog)
    {
        var open = decisions.Where(d => ReportingRule.StatusAsOf(d, today) == Status.EjVerkstallt && ReportingRule.ClockStart(d) <= today).ToList();
        var snart = open
            .Select(d => (d, deadline: ReportingRule.Deadline(ReportingRule.ClockStart(d))))
            .Where(x => x.deadline >= today && x.deadline <= today.AddDays(days))
            .Select(x => Item(x.d, today, x.deadline.DayNumber - today.DayNumber, catalog))
            .OrderBy(i => i.Dagar).ThenBy(i => i.BeslutId, StringComparer.Ordinal).ToList();
        var sena = open
            .Where(d => ReportingRule.FirstLateDay(d) <= today && ReportingRule.FirstReportableQuarter(d) == Period.Of(today))
            .Select(d => Item(d, today, today.DayNumber - ReportingRule.Deadline(ReportingRule.ClockStart(d)).DayNumber, catalog))
            .OrderByDescending(i => i.Dagar).ThenBy(i => i.BeslutId, StringComparer.Ordinal).ToList();
        return new(today, days, snart, sena);
    }

    private static BevakningItem Item(Decision d, DateOnly today, int dagar, Catalog catalog)
    {
        var start = ReportingRule.ClockStart(d);
        // LSS rows are named by their point of 9 §; free-text reasons show as Övrigt, as in every KF output.
        var insats = d.Lag == Lag.LSS ? catalog.RowOf(d).Label : d.Insats;
        // A closing reason on a case still open belongs to its later closing (as in the KF Orsaker): no reason today.
        var orsak = d.Orsak is null || catalog.IsLaterClosingReason(d, today) ? null
            : catalog.OrsakOrOvrigt(d.Orsak).Label;
        return new(d.BeslutId, d.Lag, d.Verksamhet, insats, d.Enhet, d.Avbrottsdatum is not null, start, ReportingRule.Deadline(start), dagar, orsak);
    }
}
