using StatsReporting.Decisions;
using StatsReporting.Language;
using StatsReporting.Records;

namespace StatsReporting.Checks;

/// Record-level findings for a law and a quarter (spec §6). A decision is named by its beslut_id only: never a
/// person code, a kommentar or a date of birth.
public static class RecordChecks
{
    public const int LongRunningQuarters = 4;

    public static IReadOnlyList<Finding> For(IReadOnlyList<Decision> all, Lag lag, Period q, DateOnly asOf, IReadOnlyList<VanishedDecision> vanished)
    {
        var table = $"Beslut {lag}";
        var reportable = all.Where(d => d.Lag == lag && ReportingRule.IsReportable(d, q)).OrderBy(d => d.BeslutId, StringComparer.Ordinal).ToList();
        var findings = new List<Finding>();

        foreach (var group in reportable.GroupBy(d => (d.PersonId, d.Verksamhet, d.Insats, d.Beslutsdatum, d.Avbrottsdatum)).Where(g => g.Count() > 1))
        {
            var ids = group.Select(d => d.BeslutId).ToList();
            findings.Add(new(table, string.Join(", ", ids), "beslut_id", null, null, Finding.Warning,
                $"Beslut {Join(ids)} gäller samma person, insats och beslutsdatum och räknas {ids.Count} gånger: kontrollera om de är samma beslut.",
                Kind: FindingKind.Duplicate));
        }
        foreach (var v in vanished.Where(v => v.Decision.Lag == lag).OrderBy(v => v.Decision.BeslutId, StringComparer.Ordinal))
        {
            var reported = ReportingRule.IsReportable(v.Decision, q.Previous) ? $", rapporterades för {Prose.Quarter(q.Previous)}" : "";
            findings.Add(new(table, v.Decision.BeslutId, "beslut_id", null, null, Finding.Error,
                $"Beslut {v.Decision.BeslutId} var öppet i import {v.LastSeenImport}{reported} men saknas i den senaste importen ({v.CurrentImport}): "
                + "ett beslut får inte försvinna utan att vara verkställt eller avslutat.", Kind: FindingKind.Vanished));
        }
        foreach (var d in reportable)
        {
            var first = ReportingRule.FirstReportableQuarter(d);
            var quarters = q.Index - first.Index + 1;
            if (quarters >= LongRunningQuarters)
                findings.Add(new(table, d.BeslutId, null, null, quarters, Finding.Warning,
                    $"Beslut {d.BeslutId} rapporteras för {Prose.Ordinal(quarters)} kvartalet i följd (första gången {Prose.Quarter(first)}).", Kind: FindingKind.LongRunning));
        }
        foreach (var d in reportable.Where(d => ReportingRule.StatusAsOf(d, asOf) == Status.EjVerkstallt && string.IsNullOrWhiteSpace(d.Orsak)))
            findings.Add(new(table, d.BeslutId, "orsak", null, null, Finding.Warning,
                $"Beslut {d.BeslutId} är inte verkställt vid rapporteringstillfället men saknar orsak.", Kind: FindingKind.MissingOrsak));
        return findings;
    }

    private static string Join(IReadOnlyList<string> ids) => ids.Count == 1 ? ids[0] : $"{string.Join(", ", ids.Take(ids.Count - 1))} och {ids[^1]}";
}
