using StatsReporting.Decisions;

namespace StatsReporting.Reports;

/// Kvinnor and män within one verksamhet (SoL) or insats (LSS).
public sealed record KonGroup(string Name, int Kvinnor, int Man);

/// Decisions that concern children (under 18 on the as-of day) within one insats.
public sealed record ChildGroup(string Name, int Count);

/// What the Jämställdhetsanalys and Barnrättsperspektiv of the tjänsteskrivelse say, counted from the reportable
/// decisions: only counts and medians, never a person. A median is given for a kön with at least MinGroup decisions.
public sealed record Perspectives(IReadOnlyList<KonGroup> Groups, int Kvinnor, int Man, int? MedianDaysKvinnor, int? MedianDaysMan,
    IReadOnlyList<ChildGroup> Children, int UnknownAge)
{
    public const int MinGroup = 5;

    public int ChildrenTotal => Children.Sum(c => c.Count);

    public static Perspectives Of(IReadOnlyList<Decision> reportable, Catalog catalog, Lag lag, DateOnly asOf)
    {
        var rows = reportable.Select(d => (d, row: catalog.RowOf(d))).ToList();
        var groups = lag == Lag.SoL
            ? catalog.Verksamheter.Select(v => (Name: $"{catalog.VerksamhetNames[v].Replace(" enligt SoL", "")} ({v})", Ds: rows.Where(x => x.row.Verksamhet == v).Select(x => x.d).ToList()))
            : catalog.Rows(lag).Select(row => (Name: TextDraft.InsatsName(row), Ds: rows.Where(x => ReferenceEquals(x.row, row)).Select(x => x.d).ToList()));
        var kon = groups.Where(g => g.Ds.Count > 0)
            .Select(g => new KonGroup(g.Name, g.Ds.Count(d => d.Kon == Kon.K), g.Ds.Count(d => d.Kon == Kon.M))).ToList();
        var ages = rows.Select(x => (x.row, birth: BirthDate(x.d))).ToList();
        var children = catalog.Rows(lag)
            .Select(row => new ChildGroup(TextDraft.InsatsName(row), ages.Count(a => ReferenceEquals(a.row, row) && a.birth is { } b && b.AddYears(18) > asOf)))
            .Where(c => c.Count > 0).ToList();
        return new Perspectives(kon, reportable.Count(d => d.Kon == Kon.K), reportable.Count(d => d.Kon == Kon.M),
            Median(reportable.Where(d => d.Kon == Kon.K), asOf), Median(reportable.Where(d => d.Kon == Kon.M), asOf),
            children, ages.Count(a => a.birth is null));
    }

    /// From the column fodelsedatum, else from the IVO code's first eight digits; null for a pseudonym without either.
    private static DateOnly? BirthDate(Decision d) =>
        d.Fodelsedatum ?? (PersonCode.Classify(d.PersonId) == PersonCode.Kind.IvoCode ? PersonCode.BirthDate(d.PersonId) : null);

    /// Days from the decision (or the avbrott) to the as-of day, the middle value; null for fewer than MinGroup decisions.
    private static int? Median(IEnumerable<Decision> ds, DateOnly asOf)
    {
        var days = ds.Select(d => asOf.DayNumber - ReportingRule.ClockStart(d).DayNumber).Order().ToList();
        if (days.Count < MinGroup) return null;
        var mid = days.Count / 2;
        return days.Count % 2 == 1 ? days[mid] : (int)Math.Round((days[mid - 1] + days[mid]) / 2.0, MidpointRounding.AwayFromZero);
    }
}
