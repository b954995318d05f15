using StatsReporting.Decisions;

namespace StatsReporting.Ivo;

public sealed record QuarterDue(Period Period, DateOnly From, DateOnly To, int Ny, int Kvarstar, int Avslutande, DateTimeOffset? LastExport)
{
    public int Total => Ny + Kvarstar + Avslutande;
}

/// A case whose date of verkställighet or avslut must be reported for a quarter that is due or overdue: an avslutande
/// report, or a new report that already carries its date (first late and done within the same quarter).
public sealed record ClosingCase(Period Period, Rapporttyp Rapporttyp, string BeslutId, Lag Lag, string Insats, Status How, DateOnly Date);

public sealed record IvoStatus(DateOnly Today, IReadOnlyList<QuarterDue> Due, IReadOnlyList<QuarterDue> Overdue, IReadOnlyList<ClosingCase> Closing);

/// The reporting calendar as of a day (pure): which quarters' windows are open, which have closed with no export
/// recorded although they had cases to report, and which cases those quarters must report as avslutande.
public static class IvoCalendar
{
    /// `first`: the first quarter the records describe (Report:RecordsFrom); without it, the first quarter any
    /// stored decision was reportable in.
    public static IvoStatus Compute(IvoSettings settings, DateOnly today, Period? first, IReadOnlyList<Decision> decisions,
        IReadOnlyDictionary<Period, DateTimeOffset> lastExport, Catalog catalog)
    {
        var start = first ?? decisions
            .Where(d => ReportingRule.IsReportable(d, ReportingRule.FirstReportableQuarter(d)))
            .Select(ReportingRule.FirstReportableQuarter).DefaultIfEmpty(Period.Of(today)).Min();
        List<QuarterDue> due = [], overdue = [];
        List<ClosingCase> closing = [];
        // A quarter's window opens after the quarter has ended, so the last candidate is the one before today's.
        for (var q = start; q < Period.Of(today); q = q.Next)
        {
            var (from, to) = settings.Window(q);
            if (from > today) continue;
            var types = decisions.Select(d => (d, t: IvoRules.Classify(d, q))).Where(x => x.t is not null).ToList();
            var entry = new QuarterDue(q, from, to, types.Count(x => x.t == Rapporttyp.Ny), types.Count(x => x.t == Rapporttyp.Kvarstar),
                types.Count(x => x.t == Rapporttyp.Avslutande), lastExport.TryGetValue(q, out var at) ? at : null);
            var isDue = today <= to;
            var isOverdue = !isDue && entry.LastExport is null && entry.Total > 0;
            if (isDue) due.Add(entry);
            if (isOverdue) overdue.Add(entry);
            if (isDue || isOverdue)
                closing.AddRange(types.Where(x => ReportingRule.Done(x.d) <= q.End).Select(x => new ClosingCase(q, x.t!.Value, x.d.BeslutId, x.d.Lag,
                    IvoRules.InsatsName(x.d, catalog), ReportingRule.StatusAsOf(x.d, q.End), ReportingRule.Done(x.d)!.Value)));
        }
        return new(today, due, overdue, closing.OrderBy(c => c.Period).ThenByDescending(c => c.Rapporttyp)
            .ThenBy(c => c.BeslutId, StringComparer.Ordinal).ToList());
    }

    public static IReadOnlyList<string> Lines(IvoStatus s)
    {
        var lines = new List<string> { $"IVO-rapportering, läge {s.Today:yyyy-MM-dd}" };
        lines.Add(s.Due.Count == 0 ? "Inget kvartal har öppet rapporteringsfönster i dag." : "Att rapportera nu (fönstret är öppet):");
        lines.AddRange(s.Due.Select(q => $"  {q.Period}: {q.From:yyyy-MM-dd}–{q.To:yyyy-MM-dd}, {Counts(q)}, "
            + (q.LastExport is { } at ? $"exporterad {at:yyyy-MM-dd}" : "ingen export registrerad")));
        lines.Add(s.Overdue.Count == 0 ? "Inga försenade kvartal." : "Försenade (fönstret har stängt och ingen export är registrerad):");
        lines.AddRange(s.Overdue.Select(q => $"  {q.Period}: fönstret stängde {q.To:yyyy-MM-dd}, {Counts(q)}"));
        var avslutande = s.Closing.Count(c => c.Rapporttyp == Rapporttyp.Avslutande);
        lines.Add($"Ärenden som behöver en avslutande rapport nu: {avslutande}"
                  + $" (och {s.Closing.Count - avslutande} nya ärenden som rapporteras med sitt datum)");
        lines.AddRange(s.Closing.Select(c => $"  {c.Period}  {IvoRules.Text(c.Rapporttyp),-10}  {c.BeslutId}  {c.Lag}  {c.Insats}  "
            + $"{(c.How == Decisions.Status.Verkstallt ? "verkställt" : "avslutat")} {c.Date:yyyy-MM-dd}"));
        return lines;
    }

    private static string Counts(QuarterDue q) =>
        $"{q.Total} beslut ({q.Ny} ny, {q.Kvarstar} kvarstår, {q.Avslutande} avslutande)";
}
