using StatsReporting.Decisions;

namespace StatsReporting.Ivo;

public enum Rapporttyp { Ny, Kvarstar, Avslutande }

/// One line of the individrapport, in the order of IVO's e-service form: rapportuppgifter, individ, beslut.
/// PersonKey is the person as the case system names them (IVO code or pseudonym); it is never written.
public sealed record IvoRow
{
    public required Period Period { get; init; }
    public required Rapporttyp Rapporttyp { get; init; }
    public required string PersonCode { get; init; }
    public required Kon Kon { get; init; }
    public required Lag Lag { get; init; }
    public required string Insats { get; init; }
    public required DateOnly Beslutsdatum { get; init; }
    public DateOnly? Avbrottsdatum { get; init; }
    public required string Orsak { get; init; }
    public string? Kommentar { get; init; }
    public required string Fritext { get; init; }
    /// Only a date within the quarter: a case done later was still open when the quarter ended.
    public DateOnly? VerkstalltDatum { get; init; }
    public DateOnly? AvslutatDatum { get; init; }
    public required string BeslutId { get; init; }
    public required string PersonKey { get; init; }
}

/// Which decisions go into a quarter's individrapport, and as what (spec §5.3). Pure functions.
public static class IvoRules
{
    /// ny: the quarter holds its first late day (even when it was also done within the quarter: IVO has not yet
    /// heard of it, so it is typed in as a new report, with its date); avslutande: reported before and done within
    /// the quarter; kvarstår: reported before and still not done when the quarter ended. Null: not reportable.
    public static Rapporttyp? Classify(Decision d, Period q)
    {
        if (!ReportingRule.IsReportable(d, q)) return null;
        if (ReportingRule.FirstReportableQuarter(d) == q) return Rapporttyp.Ny;
        return ReportingRule.Done(d) <= q.End ? Rapporttyp.Avslutande : Rapporttyp.Kvarstar;
    }

    public static string Text(Rapporttyp t) => t switch
    {
        Rapporttyp.Ny => "ny",
        Rapporttyp.Kvarstar => "kvarstår",
        _ => "avslutande",
    };

    /// The rows of quarter q, grouped as the rapportör types them: new reports, then updates, then closings.
    public static IReadOnlyList<IvoRow> Rows(IReadOnlyList<Decision> all, Period q, Catalog catalog, Func<Decision, string> personCode)
    {
        var rows = all
            .Select(d => (d, type: Classify(d, q)))
            .Where(x => x.type is not null)
            .Select(x => Row(x.d, q, x.type!.Value, catalog, personCode(x.d)))
            .OrderBy(r => r.Rapporttyp).ThenBy(r => r.Lag).ThenBy(r => r.PersonCode, StringComparer.Ordinal)
            .ThenBy(r => r.Beslutsdatum).ThenBy(r => r.BeslutId, StringComparer.Ordinal)
            .ToList();
        AssertNothingDropped(all, q, rows);
        return rows;
    }

    public static IvoRow Row(Decision d, Period q, Rapporttyp type, Catalog catalog, string personCode) => new()
    {
        Period = q, Rapporttyp = type, PersonCode = personCode, Kon = d.Kon, Lag = d.Lag, Insats = InsatsName(d, catalog),
        Beslutsdatum = d.Beslutsdatum, Avbrottsdatum = d.Avbrottsdatum, Orsak = OrsakText(d, catalog, q.End), Kommentar = d.Kommentar,
        Fritext = FreeText(d, catalog, q.End),
        VerkstalltDatum = d.VerkstalltDatum <= q.End ? d.VerkstalltDatum : null,
        AvslutatDatum = d.AvslutatDatum <= q.End ? d.AvslutatDatum : null,
        BeslutId = d.BeslutId, PersonKey = d.PersonId,
    };

    /// SoL: verksamhet and insats ("Äldreomsorg: Särskilt boende"); LSS: the point of 9 § ("9 § 4 Biträde av kontaktperson").
    public static string InsatsName(Decision d, Catalog catalog) => d.Lag == Lag.LSS
        ? catalog.RowOf(d).Label
        : $"{catalog.VerksamhetNames.GetValueOrDefault(d.Verksamhet ?? "", d.Verksamhet ?? "")}: {d.Insats}";

    /// The orsak's catalog label, or the free text as written; empty when the record has none, or when its closing
    /// reason belongs to a closing after the quarter.
    public static string OrsakText(Decision d, Catalog catalog, DateOnly quarterEnd) =>
        d.Orsak is null || catalog.IsLaterClosingReason(d, quarterEnd) ? "" : Capitalize(catalog.ResolveOrsak(d.Orsak)?.Label ?? d.Orsak);

    /// The free text typed into IVO's form: the reason (or closing reason) and the kommentar.
    public static string FreeText(Decision d, Catalog catalog, DateOnly quarterEnd)
    {
        var orsak = catalog.ResolveOrsak(d.Orsak);
        var reason = d.Orsak is null || catalog.IsLaterClosingReason(d, quarterEnd) ? "Orsak saknas i underlaget."
            : orsak is { Closing: true } ? $"Avslutsorsak: {orsak.Label}."
            : $"Orsak till dröjsmålet: {orsak?.Label ?? d.Orsak.TrimEnd('.')}.";
        return d.Kommentar is null ? reason : $"{reason} {d.Kommentar}";
    }

    /// A case reportable and still open at the end of the previous quarter is either still open or was done in this
    /// one: it must be in this quarter's report. A row missing here is a bug in the export, so fail loudly.
    public static void AssertNothingDropped(IReadOnlyList<Decision> all, Period q, IReadOnlyList<IvoRow> rows)
    {
        var p = q.Previous;
        var inReport = rows.Where(r => r.Rapporttyp != Rapporttyp.Ny).Select(r => r.BeslutId).ToHashSet(StringComparer.Ordinal);
        var dropped = all
            .Where(d => ReportingRule.IsReportable(d, p) && !(ReportingRule.Done(d) <= p.End))
            .Where(d => !inReport.Contains(d.BeslutId))
            .Select(d => d.BeslutId).ToList();
        if (dropped.Count > 0)
            throw new InvalidOperationException(
                $"Internt fel: beslut som var öppna och rapporterade {p} saknas i individrapporten för {q}: {string.Join(", ", dropped)}.");
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
