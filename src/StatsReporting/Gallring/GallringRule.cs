using StatsReporting.Decisions;

namespace StatsReporting.Gallring;

/// What gallring needs to know of a decision: its latest version's dates.
public sealed record Candidate(string BeslutId, DateOnly Beslutsdatum, DateOnly? VerkstalltDatum, DateOnly? AvslutatDatum);

/// When a decision's personal data goes (issue 24): it was closed (verkställd or avslutad; the later date when both)
/// before the cutoff, and no IVO export that may hold it was made on or after the cutoff. An export may hold it from
/// the quarter of its beslutsdatum to the quarter after the one it was closed in (where IVO gets its avslutande row).
public static class GallringRule
{
    public static DateOnly Cutoff(DateOnly today, int months) => today.AddMonths(-months);

    public static DateOnly? Closed(Candidate d) =>
        d.VerkstalltDatum is { } v && d.AvslutatDatum is { } a ? (v > a ? v : a) : d.VerkstalltDatum ?? d.AvslutatDatum;

    public static bool MayBeIn(Candidate d, Period export, DateOnly closed) =>
        export.End >= d.Beslutsdatum && export.Start <= Period.Of(closed).Next.End;

    public static bool IsDue(Candidate d, DateOnly cutoff, IReadOnlyDictionary<Period, DateTimeOffset> lastExports) =>
        Closed(d) is { } closed && closed < cutoff
        && !lastExports.Any(e => MayBeIn(d, e.Key, closed) && DateOnly.FromDateTime(e.Value.UtcDateTime) >= cutoff);
}
